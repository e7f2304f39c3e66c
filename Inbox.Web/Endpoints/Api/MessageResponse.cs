using Inbox.Core.Channels;
using Inbox.Core.Conversations;

namespace Inbox.Web.Endpoints.Api;

public sealed record MessageAuthorResponse(AuthorKind Kind, string? Id, string? Name);

public sealed record MessageErrorResponse(string? Code, string? Reason);

/// <param name="Id">The platform's media id.</param>
/// <param name="Url">Where staff download it (signed-in, audited) once <paramref name="State"/> is stored.</param>
public sealed record MessageMediaResponse(string Id, string Url, string? MimeType, string? FileName, long? Size, string State, string? Error);

public sealed record MessageLocationResponse(double Latitude, double Longitude, string? Name, string? Address, string MapUrl);

/// <param name="Type">text, image, document, audio, video, location, interactive, template, system, contacts, reaction or unsupported.</param>
/// <param name="Error">Why the platform refused the message, or why the last attempt failed while it is still queued.</param>
public sealed record MessageResponse(
    Guid Id,
    MessageDirection Direction,
    ChannelKind Channel,
    string AccountId,
    string Type,
    string? Text,
    MessageMediaResponse? Media,
    DeliveryStatus Status,
    MessageErrorResponse? Error,
    string? ProviderMessageId,
    MessageAuthorResponse Author,
    DateTime CreatedAt,
    MessageLocationResponse? Location = null,
    string? Reaction = null,
    string? ReplyToProviderMessageId = null,
    string? ChoiceId = null)
{
    public static MessageResponse From(ThreadMessage m) => new(
        m.Id, m.Direction, m.Channel, m.AccountId, TypeName(m.Type), m.Text,
        m.Media is { } media ? new MessageMediaResponse(media.ProviderMediaId, $"/media/{m.Id}", media.MimeType, media.FileName, media.Size, media.State.ToString().ToLowerInvariant(), media.Error) : null,
        m.Status,
        m.ErrorCode is null && m.ErrorReason is null ? null : new MessageErrorResponse(m.ErrorCode, m.ErrorReason),
        m.ProviderMessageId,
        new MessageAuthorResponse(m.Author.Kind, m.Author.Id, m.Author.Name),
        m.CreatedAt.UtcDateTime,
        m.Location is { } l ? new MessageLocationResponse(l.Latitude, l.Longitude, l.Name, l.Address, l.MapUrl) : null,
        m.PatientReaction,
        m.ReplyToProviderMessageId,
        m.Extras?.Chosen?.Id);

    /// <summary>The contract's message types; a sticker is an image to every client we know.</summary>
    public static string TypeName(MessageType type) => type switch
    {
        MessageType.Sticker => "image",
        _ => type.ToString().ToLowerInvariant(),
    };
}

public sealed record SendMessageRequest(string? Text, string? Channel, string? TemplateName, System.Text.Json.JsonElement? TemplateParameters);

public sealed record MessageQueuedResponse(Guid Id, DeliveryStatus Status);
