using Inbox.Core.Channels;
using Inbox.Core.Conversations;

namespace Inbox.Web.Endpoints.Api;

public sealed record MessageAuthorResponse(AuthorKind Kind, string? Id, string? Name);

public sealed record MessageErrorResponse(string? Code, string? Reason);

public sealed record MessageMediaResponse(string Id, string? MimeType);

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
    DateTime CreatedAt)
{
    public static MessageResponse From(ThreadMessage m) => new(
        m.Id, m.Direction, m.Channel, m.AccountId, TypeName(m.Type), m.Text,
        m.Media is { } media ? new MessageMediaResponse(media.ProviderMediaId, media.MimeType) : null,
        m.Status,
        m.ErrorCode is null && m.ErrorReason is null ? null : new MessageErrorResponse(m.ErrorCode, m.ErrorReason),
        m.ProviderMessageId,
        new MessageAuthorResponse(m.Author.Kind, m.Author.Id, m.Author.Name),
        m.CreatedAt.UtcDateTime);

    /// <summary>The contract's message types; a sticker is an image to every client we know.</summary>
    public static string TypeName(MessageType type) => type switch
    {
        MessageType.Sticker => "image",
        _ => type.ToString().ToLowerInvariant(),
    };
}

public sealed record SendMessageRequest(string? Text, string? Channel, string? TemplateName, System.Text.Json.JsonElement? TemplateParameters);

public sealed record MessageQueuedResponse(Guid Id, DeliveryStatus Status);
