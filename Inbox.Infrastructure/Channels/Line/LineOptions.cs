namespace Inbox.Infrastructure.Channels.Line;

/// <summary>
/// `Channels:Line`: settings shared by every LINE channel. The channels themselves (id, secret, token) are channel
/// accounts: see <see cref="LineAccount"/> and `LineRegistration.Schema`.
/// </summary>
public sealed class LineOptions
{
    public const string Section = "Channels:Line";
    public const string DefaultApiBaseUrl = "https://api.line.me";
    public const string DefaultDataApiBaseUrl = "https://api-data.line.me";

    /// <summary>Reply, push and profile endpoints.</summary>
    public string ApiBaseUrl { get; set; } = DefaultApiBaseUrl;

    /// <summary>
    /// Content downloads (`/v2/bot/message/{id}/content`) live on a second host. Unset, it is LINE's data host when
    /// <see cref="ApiBaseUrl"/> is LINE's own, and <see cref="ApiBaseUrl"/> itself otherwise: a fake serves both.
    /// </summary>
    public string? DataApiBaseUrl { get; set; }

    public string ApiBase => ApiBaseUrl.TrimEnd('/');

    public string DataApiBase =>
        (DataApiBaseUrl is { Length: > 0 } data ? data
            : string.Equals(ApiBase, DefaultApiBaseUrl, StringComparison.OrdinalIgnoreCase) ? DefaultDataApiBaseUrl
            : ApiBaseUrl).TrimEnd('/');
}
