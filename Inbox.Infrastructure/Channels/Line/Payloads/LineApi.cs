using System.Text.Json.Serialization;

namespace Inbox.Infrastructure.Channels.Line.Payloads;

// Request and response bodies of the reply, push and profile endpoints, and the common error shape.

/// <summary>`POST /v2/bot/message/reply`: free, single use, within about a minute of the patient's event.</summary>
internal sealed record LineReplyRequest(string ReplyToken, List<LineMessageObject> Messages);

/// <summary>`POST /v2/bot/message/push`: any time, counts against the monthly quota.</summary>
internal sealed record LinePushRequest(string To, List<LineMessageObject> Messages, bool NotificationDisabled = false);

/// <summary>One message object; only the fields of its <see cref="Type"/> are set (nulls are not written).</summary>
internal sealed record LineMessageObject(string Type)
{
    public string? Text { get; init; }
    public string? OriginalContentUrl { get; init; }
    public string? PreviewImageUrl { get; init; }
    public LineQuickReply? QuickReply { get; init; }
}

internal sealed record LineQuickReply(List<LineQuickReplyItem> Items);

internal sealed record LineQuickReplyItem(LineAction Action)
{
    public string Type => "action";
}

/// <summary>A postback action: the patient's tap comes back as a postback event carrying <see cref="Data"/>.</summary>
internal sealed record LineAction(string Type, string Label, string Data, string DisplayText);

internal sealed record LineSendResponse(List<LineSentMessage>? SentMessages);

internal sealed record LineSentMessage(string? Id, string? QuoteToken);

internal sealed record LineErrorResponse(string? Message, List<LineErrorDetail>? Details, List<LineSentMessage>? SentMessages);

internal sealed record LineErrorDetail(string? Message, string? Property);

internal sealed record LineProfile(string? DisplayName, string? UserId, string? PictureUrl, string? StatusMessage, string? Language);

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(LineWebhook))]
[JsonSerializable(typeof(LineReplyRequest))]
[JsonSerializable(typeof(LinePushRequest))]
[JsonSerializable(typeof(LineSendResponse))]
[JsonSerializable(typeof(LineErrorResponse))]
[JsonSerializable(typeof(LineProfile))]
internal sealed partial class LineJson : JsonSerializerContext;
