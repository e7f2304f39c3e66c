using Inbox.Core.Channels;

namespace Inbox.Infrastructure.Channels.Common;

/// <summary>
/// Meta's webhook checks over every connected account of a channel (WhatsApp numbers, Messenger pages): accounts of
/// several Meta apps can be connected, so a body is genuine if any of their app secrets signed it, and the
/// handshake succeeds with any of their verify tokens.
/// </summary>
public static class MetaWebhookAuth
{
    public static bool IsSignatureValid(IReadOnlyList<ChannelAccountSettings> accounts, ReadOnlySpan<byte> body, string? signature)
    {
        foreach (var secret in accounts.Select(a => a.Find("AppSecret")).OfType<string>().Distinct())
            if (MetaSignature.IsValid(body, signature, secret)) return true;
        return false;
    }

    public static string? AnswerHandshake(IReadOnlyList<ChannelAccountSettings> accounts, string? mode, string? verifyToken, string? challenge) =>
        accounts.Select(a => MetaHandshake.Answer(mode, verifyToken, challenge, a.Find("VerifyToken") ?? "")).FirstOrDefault(answer => answer is not null);
}
