namespace Inbox.Infrastructure.Channels.Messenger;

/// <summary>
/// `Channels:Messenger`: settings shared by every Facebook page. The pages themselves (id, secrets, token)
/// are channel accounts: see <see cref="MessengerAccount"/> and `MessengerRegistration.Schema`.
/// </summary>
public sealed class MessengerOptions
{
    public const string Section = "Channels:Messenger";

    public string GraphApiBaseUrl { get; set; } = "https://graph.facebook.com";
    public string ApiVersion { get; set; } = "v25.0";
}
