namespace Inbox.Core.Channels;

/// <summary>
/// One connected channel account (business number, Facebook page, LINE official account) with its settings and
/// secrets, decrypted, in memory only. Keys are the channel's own setting names (e.g. `AppSecret`, `AccessToken`).
/// </summary>
/// <param name="AccountId">The platform's id webhooks are routed by: WhatsApp phone number id, Facebook page id, LINE bot user id.</param>
/// <param name="SharedInboxId">The shared inbox whose teams work this account's conversations.</param>
public sealed record ChannelAccountSettings(
    ChannelKind Channel,
    string AccountId,
    string DisplayName,
    Guid SharedInboxId,
    IReadOnlyDictionary<string, string> Values)
{
    public string? Find(string key) => Values.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value : null;

    public string Get(string key) =>
        Find(key) ?? throw new InvalidOperationException($"The {ChannelNames.Display(Channel)} account {AccountId} has no '{key}' setting.");
}

/// <summary>The channel accounts Inbox serves, from configuration and from the admin screen. Cheap to call on every webhook.</summary>
public interface IChannelAccountDirectory
{
    IReadOnlyList<ChannelAccountSettings> For(ChannelKind channel);

    ChannelAccountSettings? Find(ChannelKind channel, string accountId);

    /// <summary>The platform ids of the channel's accounts, for routing each webhook without building a set per request.</summary>
    IReadOnlySet<string> AccountIds(ChannelKind channel);

    /// <summary>Whether the inbox's bot answers (`SharedInbox.BotEnabled`), kept with the accounts so inbound events and screens read it without a query.</summary>
    bool BotAnswers(Guid inboxId);
}
