using System.Security.Cryptography;
using System.Text;

namespace Inbox.Infrastructure.Channels.Line;

/// <summary>LINE's webhook signature: Base64 of HMAC-SHA256 over the raw body, keyed with the channel secret; no prefix.</summary>
public static class LineSignature
{
    public static bool IsValid(ReadOnlySpan<byte> body, ReadOnlySpan<byte> given, string channelSecret)
    {
        if (string.IsNullOrEmpty(channelSecret) || given.Length != 32) return false;
        Span<byte> expected = stackalloc byte[32];
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(channelSecret), body, expected);
        return CryptographicOperations.FixedTimeEquals(given, expected);
    }

    /// <summary>The 32 digest bytes of a header value; false when it is missing or not Base64 of 32 bytes.</summary>
    public static bool TryDecode(string? header, Span<byte> digest) =>
        header is { Length: 44 } && Convert.TryFromBase64String(header, digest, out var written) && written == 32;

    /// <summary>The header value LINE would send for <paramref name="body"/> (used by the simulator and tests).</summary>
    public static string Sign(ReadOnlySpan<byte> body, string channelSecret) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(channelSecret), body));
}
