using Inbox.Core.Channels;

namespace Inbox.Infrastructure.Channels.WhatsApp;

/// <summary>One WhatsApp business number, read from its channel account settings.</summary>
/// <param name="PhoneNumberId">Webhooks are routed by it, messages are sent from it.</param>
/// <param name="AppSecret">The Meta app secret that signs webhooks (X-Hub-Signature-256).</param>
/// <param name="VerifyToken">The token typed into Meta's dashboard for the subscription handshake.</param>
/// <param name="AccessToken">System-user access token for the Graph API.</param>
/// <param name="DisplayPhoneNumber">The number patients see, digits only (click-to-chat links, the simulator).</param>
public sealed record WhatsAppAccount(string PhoneNumberId, string AppSecret, string? VerifyToken, string? AccessToken, string? DisplayPhoneNumber)
{
    public static WhatsAppAccount From(ChannelAccountSettings settings) => new(
        settings.AccountId,
        settings.Find("AppSecret") ?? "",
        settings.Find("VerifyToken"),
        settings.Find("AccessToken"),
        settings.Find("DisplayPhoneNumber"));
}
