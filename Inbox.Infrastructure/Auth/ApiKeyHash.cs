using System.Security.Cryptography;
using System.Text;

namespace Inbox.Infrastructure.Auth;

internal static class ApiKeyHash
{
    public static string Of(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>Compares two hashes without leaking, through timing, how much of them matched.</summary>
    public static bool AreEqual(string a, string b) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(a), Encoding.ASCII.GetBytes(b));
}
