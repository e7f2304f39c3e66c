namespace Inbox.Infrastructure.Channels.WhatsApp;

/// <summary>`Channels:WhatsApp`: one business number of the WhatsApp Cloud API.</summary>
public sealed class WhatsAppOptions
{
    public const string Section = "Channels:WhatsApp";

    /// <summary>The Meta app secret that signs webhooks (X-Hub-Signature-256).</summary>
    public string AppSecret { get; set; } = "";
    /// <summary>The token typed into Meta's dashboard for the subscription handshake.</summary>
    public string VerifyToken { get; set; } = "";
    /// <summary>The business phone number id: webhooks are routed by it, messages are sent from it.</summary>
    public string PhoneNumberId { get; set; } = "";
    /// <summary>The number patients see, digits only (for click-to-chat links and the simulator).</summary>
    public string DisplayPhoneNumber { get; set; } = "";
    /// <summary>System-user access token for the Graph API.</summary>
    public string AccessToken { get; set; } = "";
    public string GraphApiBaseUrl { get; set; } = "https://graph.facebook.com";
    public string ApiVersion { get; set; } = "v25.0";
}
