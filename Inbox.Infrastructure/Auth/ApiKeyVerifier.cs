using Inbox.Core.Staff;
using Inbox.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Inbox.Infrastructure.Auth;

/// <summary>Who a presented key belongs to.</summary>
public sealed record ApiCaller(string KeyName, StaffRole Role);

public interface IApiKeyVerifier
{
    /// <summary>The caller behind <paramref name="key"/>, or null when the key is unknown or revoked.</summary>
    Task<ApiCaller?> VerifyAsync(string key, CancellationToken ct);
}

internal sealed class ApiKeyVerifier(InboxDbContext db, IOptions<ApiOptions> options, TimeProvider clock) : IApiKeyVerifier
{
    public const string DevelopmentKeyName = "development";

    public async Task<ApiCaller?> VerifyAsync(string key, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(key)) return null;
        var hash = ApiKeyHash.Of(key);

        if (options.Value.DevelopmentKey is { Length: > 0 } devKey && ApiKeyHash.AreEqual(hash, ApiKeyHash.Of(devKey)))
            return new ApiCaller(DevelopmentKeyName, StaffRole.Admin);

        // Looked up by hash: the database never sees the key, and the key's bytes do not steer the comparison.
        var stored = await db.ApiKeys.FirstOrDefaultAsync(k => k.KeyHash == hash && k.RevokedAt == null, ct);
        if (stored is null || !ApiKeyHash.AreEqual(stored.KeyHash, hash)) return null;
        if (stored.RecordUse(clock.GetUtcNow())) await db.SaveChangesAsync(ct);
        // The endpoint shares this DbContext: leave nothing of the key tracked behind.
        db.Entry(stored).State = EntityState.Detached;
        return new ApiCaller(stored.Name, stored.Role);
    }
}
