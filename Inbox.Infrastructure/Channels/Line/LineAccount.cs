using Inbox.Core.Channels;

namespace Inbox.Infrastructure.Channels.Line;

/// <summary>One LINE Messaging API channel (a clinic's official account), read from its channel account settings.</summary>
/// <param name="ChannelId">The channel id from the LINE Developers Console; `default` when configuration names none.</param>
/// <param name="ChannelSecret">Signs webhooks (`x-line-signature`).</param>
/// <param name="ChannelAccessToken">Bearer token for reply, push, profile and content.</param>
/// <param name="BotUserId">The bot's user id (`U…`), which webhooks name as `destination`; optional with one channel.</param>
public sealed record LineAccount(string ChannelId, string ChannelSecret, string? ChannelAccessToken, string? BotUserId)
{
    public static LineAccount From(ChannelAccountSettings settings) => new(
        settings.AccountId,
        settings.Find("ChannelSecret") ?? "",
        settings.Find("ChannelAccessToken"),
        settings.Find("BotUserId"));
}
