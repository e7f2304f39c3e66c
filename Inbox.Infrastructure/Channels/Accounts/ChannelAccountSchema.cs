using Inbox.Core.Channels;

namespace Inbox.Infrastructure.Channels.Accounts;

/// <summary>One setting of a channel account, as configuration names it and the admin screen asks for it.</summary>
/// <param name="Secret">Encrypted at rest, never shown again once saved, never logged.</param>
public sealed record ChannelAccountField(string Key, string Label, bool Secret, string? Help = null);

/// <summary>
/// What a channel's accounts are made of: where configuration keeps them and which key is the platform's account
/// id. Each channel's registration adds one; the directory and the admin screen read them.
/// </summary>
/// <param name="Section">Configuration section of the default account (`Channels:WhatsApp`); more accounts go under `Section:Accounts:N`.</param>
/// <param name="AccountIdKey">The field that holds the id webhooks are routed by.</param>
/// <param name="DefaultAccountId">Used when configuration has the secrets but no account id (LINE routes by signature).</param>
public sealed record ChannelAccountSchema(
    ChannelKind Channel,
    string Section,
    string AccountIdKey,
    IReadOnlyList<ChannelAccountField> Fields,
    string? DefaultAccountId = null)
{
    public IEnumerable<ChannelAccountField> Secrets => Fields.Where(f => f.Secret);
}
