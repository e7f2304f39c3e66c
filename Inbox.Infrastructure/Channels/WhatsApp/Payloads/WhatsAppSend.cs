namespace Inbox.Infrastructure.Channels.WhatsApp.Payloads;

// Send API response, media URL response and Graph error shapes.

internal sealed record WhatsAppSendResponse(List<WhatsAppSentMessage>? Messages);

internal sealed record WhatsAppSentMessage(string? Id);

internal sealed record WhatsAppErrorResponse(WhatsAppGraphError? Error);

internal sealed record WhatsAppGraphError(int Code, string? Message, string? Type, WhatsAppErrorData? ErrorData);

internal sealed record WhatsAppErrorData(string? Details);

/// <summary>`GET /{media-id}`: a download URL valid for 5 minutes, with what Meta knows of the file.</summary>
/// <param name="FileSize">Documented as a string of digits; read leniently.</param>
internal sealed record WhatsAppMediaUrl(
    string? Url,
    string? MimeType,
    string? Sha256,
    [property: System.Text.Json.Serialization.JsonNumberHandling(System.Text.Json.Serialization.JsonNumberHandling.AllowReadingFromString)] long? FileSize,
    string? Id);
