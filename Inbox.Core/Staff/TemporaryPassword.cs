using System.Security.Cryptography;

namespace Inbox.Core.Staff;

/// <summary>
/// One-time passwords an admin hands over (new person, reset). Read aloud or copied from a screen, so the
/// alphabet leaves out look-alikes (0/O, 1/l/I); four groups of four, always with upper, lower and a digit,
/// which satisfies the password policy. About 88 bits of randomness.
/// </summary>
public static class TemporaryPassword
{
    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Digits = "23456789";
    private const string Alphabet = Upper + Lower + Digits;

    public static string Generate()
    {
        while (true)
        {
            var chars = RandomNumberGenerator.GetItems<char>(Alphabet, 16);
            if (chars.Any(char.IsUpper) && chars.Any(char.IsLower) && chars.Any(char.IsDigit))
                return string.Join('-', chars.Chunk(4).Select(group => new string(group)));
        }
    }
}
