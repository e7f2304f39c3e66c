using System.Buffers.Text;
using System.Security.Cryptography;
using Inbox.Core.Common;
using Inbox.Core.Staff;

namespace Inbox.Infrastructure.Auth;

/// <summary>
/// A key a clinic's CRM, EHR or script uses to call the API. Only the SHA-256 hash is stored:
/// the key itself is shown once, when it is created, and cannot be recovered from the database.
/// </summary>
public sealed class ApiKey : Entity
{
    public const int NameMaxLength = 48;

    private ApiKey() { }

    public string Name { get; private set; } = "";
    /// <summary>Lowercase hex SHA-256 of the key.</summary>
    public string KeyHash { get; private set; } = "";
    public StaffRole Role { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    /// <summary>When the key last called the API, to the nearest <see cref="UseResolution"/>: shows admins which keys are still in use.</summary>
    public DateTimeOffset? LastUsedAt { get; private set; }

    /// <summary>Recording every call would be a write per request; one every few minutes is enough to answer "is this key used?".</summary>
    public static readonly TimeSpan UseResolution = TimeSpan.FromMinutes(5);

    /// <summary>Makes a new random key; returns the entity to store and the key to hand over once.</summary>
    public static (ApiKey Key, string Secret) Create(string name, StaffRole role, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > NameMaxLength)
            throw new ArgumentException($"An API key needs a name of 1 to {NameMaxLength} characters.", nameof(name));
        // 256 random bits; the prefix lets secret scanners and people recognise an Inbox key.
        var secret = "ibx_" + Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return (new ApiKey { Name = name.Trim(), KeyHash = ApiKeyHash.Of(secret), Role = role, CreatedAt = now }, secret);
    }

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;

    /// <summary>Notes a call made with the key; false when the last note is recent enough that nothing changed.</summary>
    public bool RecordUse(DateTimeOffset now)
    {
        if (LastUsedAt is { } last && now - last < UseResolution) return false;
        LastUsedAt = now;
        return true;
    }

    /// <summary>The actor id audit entries carry for calls made with the key named <paramref name="keyName"/>.</summary>
    public static string ActorIdFor(string keyName) => $"api-key:{keyName}";
}
