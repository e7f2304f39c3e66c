namespace Inbox.Infrastructure.Channels.WhatsApp;

/// <summary>
/// `Channels:WhatsApp`: settings shared by every WhatsApp number. The numbers themselves (id, secrets, token)
/// are channel accounts: see <see cref="WhatsAppAccount"/> and `WhatsAppRegistration.Schema`.
/// </summary>
public sealed class WhatsAppOptions
{
    public const string Section = "Channels:WhatsApp";

    public string GraphApiBaseUrl { get; set; } = "https://graph.facebook.com";
    public string ApiVersion { get; set; } = "v25.0";
}
