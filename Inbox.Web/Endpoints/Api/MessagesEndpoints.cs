using System.Text.Json;
using Inbox.Core.Audit;
using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Web.Auth;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Inbox.Web.Endpoints.Api;

/// <summary>`/api/v1/conversations/{id}/messages`: a thread oldest first, and replies into the outbound queue.</summary>
internal static class MessagesEndpoints
{
    public static RouteGroupBuilder MapMessages(this RouteGroupBuilder api)
    {
        var messages = api.MapGroup("/conversations/{id}/messages").WithTags("Messages");
        messages.MapGet("", ListAsync).RequireAuthorization(ApiPolicies.MessagesRead)
            .Produces<ListResponse<MessageResponse>>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        messages.MapPost("", SendAsync).RequireAuthorization(ApiPolicies.MessagesSend)
            .Accepts<SendMessageRequest>("application/json")
            .Produces<MessageQueuedResponse>(StatusCodes.Status202Accepted)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return api;
    }

    private static async Task<IResult> ListAsync(
        string id, string? limit, string? cursor, IConversationQueries queries, IAuditTrail audit, HttpContext http, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var conversationId) || await queries.GetAsync(ApiCallers.InboxScope, conversationId, ct) is null)
            return ApiProblems.NotFound("conversation");
        var input = new ApiQuery();
        var take = input.Limit(limit);
        if (!input.IsValid) return ApiProblems.Invalid(input.Errors);

        Page<ThreadMessage> page;
        try { page = await queries.MessagesAsync(ApiCallers.InboxScope, conversationId, take, cursor, ct); }
        catch (FormatException) { input.InvalidCursor(); return ApiProblems.Invalid(input.Errors); }

        await audit.RecordAsync(http, AuditActions.MessagesRead, AuditSubjects.Conversation, conversationId);
        return Results.Ok(new ListResponse<MessageResponse>(page.Items.Select(MessageResponse.From).ToList(), page.Next));
    }

    private static async Task<IResult> SendAsync(
        string id, HttpRequest request, IReplySender sender, IConversationQueries queries, IAuditTrail audit,
        IOptions<JsonOptions> json, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var conversationId)) return ApiProblems.NotFound("conversation");

        // Read by hand so that malformed JSON answers a problem, not the framework's bare 400.
        SendMessageRequest? body;
        try { body = await request.ReadFromJsonAsync<SendMessageRequest>(json.Value.SerializerOptions, ct); }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return ApiProblems.Invalid(new Dictionary<string, string[]> { ["body"] = ["The body must be JSON: { \"text\": \"...\" }."] }, "The request body is not valid JSON.");
        }
        if (body is null) return ApiProblems.Invalid(new Dictionary<string, string[]> { ["text"] = ["Write a message before sending."] });

        ChannelKind? channel = null;
        if (!string.IsNullOrEmpty(body.Channel))
        {
            if (!ChannelNames.TryParseSlug(body.Channel, out var parsed))
                return ApiProblems.Invalid(new Dictionary<string, string[]> { ["channel"] = ["channel must be one of: whatsapp, messenger, line."] });
            channel = parsed;
        }

        ReplyResult result;
        if (!string.IsNullOrEmpty(body.TemplateName))
        {
            // An approved WhatsApp template: the one thing allowed outside the 24-hour window.
            if (TemplateParameters(body.TemplateParameters) is not { } parameters)
                return ApiProblems.Invalid(new Dictionary<string, string[]> { ["templateParameters"] = ["templateParameters must be an array of strings, in the order of {{1}}, {{2}}, …"] });
            result = await sender.QueueTemplateAsync(ApiCallers.InboxScope, conversationId, body.TemplateName, null, parameters, request.HttpContext.User.ToMessageAuthor(), ct);
        }
        else
        {
            result = await sender.QueueAsync(ApiCallers.InboxScope, conversationId, body.Text, channel, request.HttpContext.User.ToMessageAuthor(), ct);
        }
        switch (result.Outcome)
        {
            case ReplyOutcome.NotFound:
                return ApiProblems.NotFound("conversation");
            case ReplyOutcome.Invalid:
                return ApiProblems.Invalid(result.Errors ?? new Dictionary<string, string[]>(), "The message cannot be sent as it is.");
            case ReplyOutcome.WindowClosed:
                return ApiProblems.Unprocessable("The messaging window is closed; only an approved template can be sent now.", result.Detail);
            case ReplyOutcome.AssignmentRequired:
                return ApiProblems.Conflict("The conversation must be assigned before replying.", result.Detail);
        }

        await audit.RecordAsync(request.HttpContext, AuditActions.MessageSend, AuditSubjects.Conversation, conversationId);
        return Results.Json(new MessageQueuedResponse(result.MessageId!.Value, DeliveryStatus.Queued), json.Value.SerializerOptions, statusCode: StatusCodes.Status202Accepted);
    }

    private static List<string>? TemplateParameters(JsonElement? value)
    {
        if (value is not { } element || element.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined) return [];
        if (element.ValueKind != JsonValueKind.Array) return null;
        var parameters = new List<string>();
        foreach (var item in element.EnumerateArray())
        {
            if (item.ValueKind is not (JsonValueKind.String or JsonValueKind.Number)) return null;
            parameters.Add(item.ValueKind == JsonValueKind.String ? item.GetString()! : item.GetRawText());
        }
        return parameters;
    }
}
