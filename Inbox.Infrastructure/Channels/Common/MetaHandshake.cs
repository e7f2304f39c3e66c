using System.Security.Cryptography;
using System.Text;

namespace Inbox.Infrastructure.Channels.Common;

/// <summary>Meta's subscription check: echo `hub.challenge` when `hub.mode` is subscribe and the token matches.</summary>
public static class MetaHandshake
{
    public static string? Answer(string? mode, string? token, string? challenge, string expectedToken)
    {
        if (mode != "subscribe" || string.IsNullOrEmpty(expectedToken) || token is null || challenge is null) return null;
        var matches = CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(token), Encoding.UTF8.GetBytes(expectedToken));
        return matches ? challenge : null;
    }
}
