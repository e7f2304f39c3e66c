using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Inbox.Core.Audit;

/// <summary>
/// The audit log is a hash chain: each entry's hash covers its own fields and the previous entry's hash,
/// so changing, removing or reordering any entry breaks every link after it.
/// </summary>
public static class AuditChain
{
    /// <summary>The "previous hash" of the first entry.</summary>
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string Hash(string previousHash, AuditEntry entry)
    {
        // Unit separators keep field boundaries unambiguous ("ab"+"c" never hashes like "a"+"bc").
        var canonical = string.Join('\u001f',
            previousHash,
            // Milliseconds: every provider stores at least that precision, so the hash survives a round trip.
            entry.At.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            entry.Actor.Kind, entry.Actor.Id, entry.Actor.Name ?? "",
            entry.Action, entry.SubjectType, entry.SubjectId, entry.Ip ?? "");
        // Appended only when present, so entries written before details existed keep their hashes.
        if (entry.Detail is not null) canonical += '\u001f' + entry.Detail;
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }
}
