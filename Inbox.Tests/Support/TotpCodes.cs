using System.Security.Cryptography;

namespace Inbox.Tests.Support;

/// <summary>
/// What an authenticator app computes (RFC 6238: HMAC-SHA1 over the 30-second step, 6 digits), written
/// here from the RFC rather than borrowed from the app, so the test checks the app against the standard.
/// </summary>
public static class TotpCodes
{
    public static string At(string base32Key, DateTimeOffset time)
    {
        var key = FromBase32(base32Key);
        var counter = BitConverter.GetBytes(time.ToUnixTimeSeconds() / 30);
        if (BitConverter.IsLittleEndian) Array.Reverse(counter);
        var hash = HMACSHA1.HashData(key, counter);
        var offset = hash[^1] & 0x0F;
        var binary = ((hash[offset] & 0x7F) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6");
    }

    private static byte[] FromBase32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = string.Concat(text.ToUpperInvariant().Where(c => c != ' ' && c != '=')
            .Select(c => Convert.ToString(alphabet.IndexOf(c), 2).PadLeft(5, '0')));
        return Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2)).ToArray();
    }
}
