using Inbox.Core.Channels;
using Inbox.Infrastructure.Persistence;
using Inbox.Infrastructure.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Inbox.Infrastructure.Channels.Accounts;

/// <summary>
/// The accounts Inbox serves, merged from configuration (`Channels:&lt;Channel&gt;` and `…:Accounts:N`) and the
/// `ChannelAccounts` table (admin-connected accounts, secrets decrypted here). Webhooks read an immutable snapshot,
/// so a lookup costs a dictionary hit; <see cref="ReloadAsync"/> swaps in a new one after a change.
/// </summary>
public sealed class ChannelAccountDirectory(
    IEnumerable<ChannelAccountSchema> schemas,
    IConfiguration configuration,
    IServiceScopeFactory scopes,
    ChannelSecretProtector protector,
    TimeProvider clock,
    ILogger<ChannelAccountDirectory> logger) : IChannelAccountDirectory
{
    private readonly Dictionary<ChannelKind, ChannelAccountSchema> _schemas = schemas.ToDictionary(s => s.Channel);
    private volatile Snapshot _snapshot = Snapshot.Empty;

    public IReadOnlyCollection<ChannelAccountSchema> Schemas => _schemas.Values;

    /// <summary>Where conversations of an account without an inbox go: the first inbox created.</summary>
    public Guid DefaultInboxId => _snapshot.DefaultInboxId;

    public IReadOnlyList<ChannelAccountSettings> For(ChannelKind channel) =>
        _snapshot.ByChannel.TryGetValue(channel, out var accounts) ? accounts : [];

    public IReadOnlySet<string> AccountIds(ChannelKind channel) =>
        _snapshot.IdsByChannel.TryGetValue(channel, out var ids) ? ids : Snapshot.NoIds;

    public ChannelAccountSettings? Find(ChannelKind channel, string accountId) =>
        _snapshot.ById.GetValueOrDefault((channel, accountId));

    public ChannelAccountSchema SchemaOf(ChannelKind channel) => _schemas[channel];

    /// <summary>Read with the accounts, so every inbound event knows it without a database read; the admin switch reloads the snapshot.</summary>
    public bool BotAnswers(Guid inboxId) => _snapshot.BotInboxes.Contains(inboxId);

    /// <summary>
    /// At start-up: makes sure the default workspace exists and every configured account has its row (which says
    /// which inbox it feeds), then loads the snapshot.
    /// </summary>
    public async Task SyncAsync(CancellationToken ct = default)
    {
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<InboxDbContext>();
            var (defaultInbox, _) = await DefaultWorkspace.EnsureAsync(db, clock.GetUtcNow(), ct);
            var known = await db.ChannelAccounts.Select(a => new { a.Channel, a.AccountId }).ToListAsync(ct);
            foreach (var (schema, accountId, values) in Configured())
            {
                if (known.Any(k => k.Channel == schema.Channel && k.AccountId == accountId)) continue;
                db.ChannelAccounts.Add(new ChannelAccount(schema.Channel, accountId, values.GetValueOrDefault("DisplayName") ?? "",
                    defaultInbox.Id, ChannelAccountSource.Configuration, clock.GetUtcNow()));
            }
            await db.SaveChangesAsync(ct);
        }
        await ReloadAsync(ct);
    }

    public async Task ReloadAsync(CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InboxDbContext>();
        var rows = await db.ChannelAccounts.AsNoTracking().ToListAsync(ct);
        var inboxes = await db.SharedInboxes.AsNoTracking().OrderBy(i => i.CreatedAt).Select(i => new { i.Id, i.BotEnabled }).ToListAsync(ct);
        var defaultInboxId = inboxes.FirstOrDefault()?.Id ?? Guid.Empty;
        var configured = Configured().ToDictionary(c => (c.Schema.Channel, c.AccountId), c => c.Values);

        var accounts = new List<ChannelAccountSettings>();
        foreach (var row in rows.Where(r => r.IsConnected && _schemas.ContainsKey(r.Channel)))
        {
            var values = row.Source == ChannelAccountSource.Configuration
                ? configured.GetValueOrDefault((row.Channel, row.AccountId))
                : Decrypt(row);
            if (values is null) continue; // removed from configuration, or keys lost: not served
            accounts.Add(new ChannelAccountSettings(row.Channel, row.AccountId, row.DisplayName, row.SharedInboxId, values));
        }
        // A configured account whose row is not written yet (another instance is starting) is still served.
        foreach (var ((channel, accountId), values) in configured)
        {
            if (rows.Any(r => r.Channel == channel && r.AccountId == accountId)) continue;
            accounts.Add(new ChannelAccountSettings(channel, accountId, values.GetValueOrDefault("DisplayName") ?? $"{ChannelNames.Display(channel)} {accountId}", defaultInboxId, values));
        }
        _snapshot = new Snapshot(accounts, defaultInboxId, inboxes.Where(i => i.BotEnabled).Select(i => i.Id).ToHashSet());
    }

    /// <summary>The accounts configuration defines, with their settings as flat key/value pairs.</summary>
    public IEnumerable<(ChannelAccountSchema Schema, string AccountId, IReadOnlyDictionary<string, string> Values)> Configured()
    {
        foreach (var schema in _schemas.Values)
        {
            var section = configuration.GetSection(schema.Section);
            var sections = new[] { section }.Concat(section.GetSection("Accounts").GetChildren());
            foreach (var account in sections)
            {
                var values = account.GetChildren().Where(c => c.Value is not null).ToDictionary(c => c.Key, c => c.Value!);
                // Channel-wide settings (API base URL, version) are inherited by every account of the channel.
                if (account != section)
                    foreach (var shared in section.GetChildren().Where(c => c.Value is not null))
                        values.TryAdd(shared.Key, shared.Value!);
                if (!schema.Secrets.Any(f => !string.IsNullOrWhiteSpace(values.GetValueOrDefault(f.Key)))) continue;
                var accountId = values.GetValueOrDefault(schema.AccountIdKey) is { Length: > 0 } id ? id : schema.DefaultAccountId;
                if (accountId is null) continue;
                yield return (schema, accountId, values);
            }
        }
    }

    private Dictionary<string, string>? Decrypt(ChannelAccount row)
    {
        if (row.ProtectedSecrets is null) return null;
        try
        {
            return protector.Unprotect(row.ProtectedSecrets);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // The Data Protection keys changed (not shared between instances, or lost): say so, serve the rest.
            logger.LogError("Settings of {Channel} account {AccountId} cannot be decrypted; reconnect it on the admin screen", row.Channel, row.AccountId);
            return null;
        }
    }

    private sealed class Snapshot
    {
        public static readonly Snapshot Empty = new([], Guid.Empty, []);
        public static readonly IReadOnlySet<string> NoIds = new HashSet<string>();

        public Snapshot(List<ChannelAccountSettings> accounts, Guid defaultInboxId, HashSet<Guid> botInboxes)
        {
            BotInboxes = botInboxes;
            ByChannel = accounts.GroupBy(a => a.Channel).ToDictionary(g => g.Key, g => (IReadOnlyList<ChannelAccountSettings>)g.ToList());
            ById = accounts.ToDictionary(a => (a.Channel, a.AccountId));
            IdsByChannel = ByChannel.ToDictionary(c => c.Key, c => (IReadOnlySet<string>)c.Value.Select(a => a.AccountId).ToHashSet());
            DefaultInboxId = defaultInboxId;
        }

        public Dictionary<ChannelKind, IReadOnlyList<ChannelAccountSettings>> ByChannel { get; }
        public Dictionary<(ChannelKind, string), ChannelAccountSettings> ById { get; }
        public Dictionary<ChannelKind, IReadOnlySet<string>> IdsByChannel { get; }
        public Guid DefaultInboxId { get; }
        public HashSet<Guid> BotInboxes { get; }
    }
}
