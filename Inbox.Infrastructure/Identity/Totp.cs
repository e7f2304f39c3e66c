using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Inbox.Infrastructure.Identity;

/// <summary>RFC 6238 time-based codes as authenticator apps make them: HMAC-SHA1, 30-second steps, 6 digits.</summary>
public static class Totp
{
    public static readonly TimeSpan Step = TimeSpan.FromSeconds(30);

    public static long StepAt(DateTimeOffset time) => time.ToUnixTimeSeconds() / (long)Step.TotalSeconds;

    public static int Code(byte[] key, long step)
    {
        Span<byte> counter = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(counter, step);
        Span<byte> hash = stackalloc byte[20];
        HMACSHA1.HashData(key, counter, hash);
        // RFC 4226 dynamic truncation.
        var offset = hash[^1] & 0x0F;
        var binary = (BinaryPrimitives.ReadInt32BigEndian(hash[offset..]) & 0x7FFFFFFF);
        return binary % 1_000_000;
    }

    /// <summary>Decodes the Base32 shared key (RFC 4648 alphabet; spaces, case and padding ignored).</summary>
    public static byte[] DecodeKey(string base32)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var output = new List<byte>(base32.Length * 5 / 8);
        int buffer = 0, bits = 0;
        foreach (var c in base32.ToUpperInvariant())
        {
            if (c is ' ' or '=' or '-') continue;
            var value = alphabet.IndexOf(c);
            if (value < 0) throw new FormatException("The key is not Base32.");
            buffer = (buffer << 5) | value;
            bits += 5;
            if (bits < 8) continue;
            bits -= 8;
            output.Add((byte)(buffer >> bits));
            buffer &= (1 << bits) - 1;
        }
        return [.. output];
    }
}
