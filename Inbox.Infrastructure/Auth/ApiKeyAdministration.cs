using Inbox.Core.Staff;
using Inbox.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Infrastructure.Auth;

/// <summary>One API key as the admin screen lists it. Never the key itself: only its hash is stored.</summary>
public sealed record ApiKeySummary(Guid Id, string Name, StaffRole Role, DateTimeOffset CreatedAt, DateTimeOffset? LastUsedAt, DateTimeOffset? RevokedAt)
{
    public bool IsRevoked => RevokedAt is not null;
}

/// <summary>A new key: <see cref="Secret"/> is shown once and cannot be recovered afterwards.</summary>
public sealed record CreatedApiKey(ApiKeySummary Key, string Secret);

/// <summary>Listing, creating and revoking API keys (the admin screen). Callers record the audit entries.</summary>
public sealed class ApiKeyAdministration(InboxDbContext db, TimeProvider clock)
{
    public async Task<IReadOnlyList<ApiKeySummary>> ListAsync(CancellationToken ct) =>
        await db.ApiKeys.AsNoTracking()
            // Keys in use first, then by name; a clinic has a handful, so no paging.
            .OrderBy(k => k.RevokedAt != null).ThenBy(k => k.Name)
            .Select(k => new ApiKeySummary(k.Id, k.Name, k.Role, k.CreatedAt, k.LastUsedAt, k.RevokedAt))
            .ToListAsync(ct);

    /// <returns>The new key, or an error to show beside the name.</returns>
    public async Task<(CreatedApiKey? Created, string? Error)> CreateAsync(string? name, StaffRole role, CancellationToken ct)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length is 0 or > ApiKey.NameMaxLength)
            return (null, $"Give the key a name of 1 to {ApiKey.NameMaxLength} characters, e.g. the system that will use it.");
        if (trimmed.Equals(ApiKeyVerifier.DevelopmentKeyName, StringComparison.OrdinalIgnoreCase)
            || await db.ApiKeys.AnyAsync(k => k.Name == trimmed, ct))
            return (null, "A key with this name exists already (revoked keys keep their names). Choose another name.");

        var (key, secret) = ApiKey.Create(trimmed, role, clock.GetUtcNow());
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(ct);
        return (new CreatedApiKey(Summary(key), secret), null);
    }

    /// <returns>The revoked key, or null when there is no such key. Revoking twice keeps the first time.</returns>
    public async Task<ApiKeySummary?> RevokeAsync(Guid id, CancellationToken ct)
    {
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == id, ct);
        if (key is null) return null;
        key.Revoke(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return Summary(key);
    }

    private static ApiKeySummary Summary(ApiKey k) => new(k.Id, k.Name, k.Role, k.CreatedAt, k.LastUsedAt, k.RevokedAt);
}
