namespace Inbox.Infrastructure.Channels.WhatsApp.Payloads;

// Send API response and Graph error shapes.

internal sealed record WhatsAppSendResponse(List<WhatsAppSentMessage>? Messages);

internal sealed record WhatsAppSentMessage(string? Id);

internal sealed record WhatsAppErrorResponse(WhatsAppGraphError? Error);

internal sealed record WhatsAppGraphError(int Code, string? Message, string? Type, WhatsAppErrorData? ErrorData);

internal sealed record WhatsAppErrorData(string? Details);
