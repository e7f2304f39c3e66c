using Inbox.Core.Channels;

namespace Inbox.Tests.Support;

/// <summary>A fixed set of channel accounts for constructing adapters directly in unit tests.</summary>
public sealed class StaticChannelAccounts(params ChannelAccountSettings[] accounts) : IChannelAccountDirectory
{
    public static readonly Guid InboxId = Guid.Parse("0190f0a0-0000-7000-8000-0000000000aa");

    public IReadOnlyList<ChannelAccountSettings> For(ChannelKind channel) => accounts.Where(a => a.Channel == channel).ToList();

    public ChannelAccountSettings? Find(ChannelKind channel, string accountId) =>
        accounts.FirstOrDefault(a => a.Channel == channel && a.AccountId == accountId);

    public IReadOnlySet<string> AccountIds(ChannelKind channel) => For(channel).Select(a => a.AccountId).ToHashSet();

    public bool BotAnswers(Guid inboxId) => false;

    public static ChannelAccountSettings Account(ChannelKind channel, string accountId, params (string Key, string Value)[] values) =>
        new(channel, accountId, $"{channel} {accountId}", InboxId, values.ToDictionary(v => v.Key, v => v.Value));
}
