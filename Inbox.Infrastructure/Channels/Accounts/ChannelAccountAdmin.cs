using Inbox.Core.Channels;
using Inbox.Core.Common;
using Inbox.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Infrastructure.Channels.Accounts;

/// <summary>One row of the admin's channel list. Secrets are never part of it.</summary>
public sealed record ChannelAccountRow(Guid Id, ChannelKind Channel, string AccountId, string DisplayName, Guid SharedInboxId, string InboxName,
    ChannelAccountSource Source, bool Connected, bool Served);

/// <summary>What the admin screen does with channel accounts; each change reloads the directory at once.</summary>
public sealed class ChannelAccountAdmin(InboxDbContext db, ChannelAccountDirectory directory, ChannelSecretProtector protector, TimeProvider clock)
{
    public async Task<IReadOnlyList<ChannelAccountRow>> ListAsync(CancellationToken ct)
    {
        var rows = await (from a in db.ChannelAccounts.AsNoTracking()
                          join i in db.SharedInboxes.AsNoTracking() on a.SharedInboxId equals i.Id
                          orderby a.Channel, a.DisplayName
                          select new { Account = a, InboxName = i.Name }).ToListAsync(ct);
        return rows.Select(r => new ChannelAccountRow(r.Account.Id, r.Account.Channel, r.Account.AccountId, r.Account.DisplayName, r.Account.SharedInboxId,
            r.InboxName, r.Account.Source, r.Account.IsConnected, directory.Find(r.Account.Channel, r.Account.AccountId) is not null)).ToList();
    }

    /// <summary>Connects an account typed on the admin screen; its secret fields are encrypted before they reach the database.</summary>
    public async Task<Guid> ConnectAsync(ChannelKind channel, string displayName, Guid inboxId, IReadOnlyDictionary<string, string?> values, CancellationToken ct)
    {
        var schema = directory.SchemaOf(channel);
        var clean = values.Where(v => !string.IsNullOrWhiteSpace(v.Value)).ToDictionary(v => v.Key, v => v.Value!.Trim());
        var accountId = clean.GetValueOrDefault(schema.AccountIdKey) ?? schema.DefaultAccountId;
        if (accountId is null) throw new InboxDomainException($"Enter the {Label(schema, schema.AccountIdKey)}.");
        var missing = schema.Secrets.FirstOrDefault(f => !clean.ContainsKey(f.Key));
        if (missing is not null) throw new InboxDomainException($"Enter the {missing.Label}.");
        if (!await db.SharedInboxes.AnyAsync(i => i.Id == inboxId, ct)) throw new InboxDomainException("Choose the inbox this account feeds.");
        if (await db.ChannelAccounts.AnyAsync(a => a.Channel == channel && a.AccountId == accountId, ct))
            throw new InboxDomainException($"This {ChannelNames.Display(channel)} account is connected already.");

        var account = new ChannelAccount(channel, accountId, displayName, inboxId, ChannelAccountSource.Admin, clock.GetUtcNow());
        account.StoreSecrets(protector.Protect(clean));
        db.ChannelAccounts.Add(account);
        await db.SaveChangesAsync(ct);
        await directory.ReloadAsync(ct);
        return account.Id;
    }

    public async Task MoveAsync(Guid id, Guid inboxId, CancellationToken ct)
    {
        var account = await db.ChannelAccounts.SingleAsync(a => a.Id == id, ct);
        if (!await db.SharedInboxes.AnyAsync(i => i.Id == inboxId, ct)) throw new InboxDomainException("That inbox does not exist.");
        account.MoveTo(inboxId);
        await db.SaveChangesAsync(ct);
        await directory.ReloadAsync(ct);
    }

    /// <summary>Stops serving the account: its webhooks are answered "unknown account" and nothing more is sent from it. History stays.</summary>
    public async Task SetConnectedAsync(Guid id, bool connected, CancellationToken ct)
    {
        var account = await db.ChannelAccounts.SingleAsync(a => a.Id == id, ct);
        if (connected) account.Reconnect();
        else account.Disconnect(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        await directory.ReloadAsync(ct);
    }

    private static string Label(ChannelAccountSchema schema, string key) => schema.Fields.FirstOrDefault(f => f.Key == key)?.Label ?? key;
}
