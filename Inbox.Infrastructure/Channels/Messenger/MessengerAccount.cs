using Inbox.Core.Channels;

namespace Inbox.Infrastructure.Channels.Messenger;

/// <summary>One Facebook page, read from its channel account settings.</summary>
/// <param name="PageId">Webhooks are routed by it (`entry[].id`), messages are sent from it.</param>
/// <param name="AppSecret">The Meta app secret that signs webhooks (X-Hub-Signature-256).</param>
/// <param name="VerifyToken">The token typed into Meta's dashboard for the subscription handshake.</param>
/// <param name="PageAccessToken">The page's token for the Send API and the User Profile API.</param>
public sealed record MessengerAccount(string PageId, string AppSecret, string? VerifyToken, string? PageAccessToken)
{
    public static MessengerAccount From(ChannelAccountSettings settings) => new(
        settings.AccountId,
        settings.Find("AppSecret") ?? "",
        settings.Find("VerifyToken"),
        settings.Find("PageAccessToken"));
}
