using System.Text.Json;
using Inbox.Core.Bot;
using Inbox.Web.Auth;

namespace Inbox.Web.Endpoints.Api;

/// <summary>`POST /api/v1/conversations/{id}/handover` and `/handback`: who owns the conversation, the bot or people.</summary>
internal static class HandoverEndpoints
{
    /// <summary>Optional body; read by hand so an empty body is allowed (no Accepts metadata: it would refuse bodiless requests at routing).</summary>
    public sealed record HandoverRequest(string? Reason);

    public static RouteGroupBuilder MapHandover(this RouteGroupBuilder api)
    {
        var conversations = api.MapGroup("/conversations").WithTags("Conversations").RequireAuthorization(ApiPolicies.ConversationsHandover);
        conversations.MapPost("/{id}/handover", HandOverAsync)
            .Produces<ConversationResponse>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        conversations.MapPost("/{id}/handback", HandBackAsync)
            .Produces<ConversationResponse>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<IResult> HandOverAsync(string id, HttpContext http, IHandoverDesk desk, Inbox.Core.Conversations.IConversationQueries queries,
        Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var conversationId)) return ApiProblems.NotFound("conversation");
        string? reason = null;
        if (http.Request.ContentLength is > 0)
        {
            try { reason = (await http.Request.ReadFromJsonAsync<HandoverRequest>(json.Value.SerializerOptions, ct))?.Reason; }
            catch (Exception e) when (e is JsonException or InvalidOperationException) { return ApiProblems.Invalid(new Dictionary<string, string[]> { ["body"] = ["The body must be JSON: { \"reason\": \"...\" } or empty."] }); }
        }
        var actor = http.User.ToAuditActor();
        var outcome = await desk.HandOverAsync(ApiCallers.InboxScope, conversationId,
            string.IsNullOrWhiteSpace(reason) ? $"Handed over by {actor.Name}" : reason.Trim(), actor, http.Connection.RemoteIpAddress?.ToString(), ct);
        return await ResultAsync(outcome, conversationId, "Only a conversation the bot owns can be handed over to people.", queries, ct);
    }

    private static async Task<IResult> HandBackAsync(string id, HttpContext http, IHandoverDesk desk, Inbox.Core.Conversations.IConversationQueries queries, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var conversationId)) return ApiProblems.NotFound("conversation");
        var outcome = await desk.HandBackAsync(ApiCallers.InboxScope, conversationId, http.User.ToAuditActor(), http.Connection.RemoteIpAddress?.ToString(), ct);
        return await ResultAsync(outcome, conversationId, "Only a conversation people own can be handed back to the bot.", queries, ct);
    }

    private static async Task<IResult> ResultAsync(OwnershipOutcome outcome, Guid id, string conflict, Inbox.Core.Conversations.IConversationQueries queries, CancellationToken ct) =>
        outcome switch
        {
            OwnershipOutcome.NotFound => ApiProblems.NotFound("conversation"),
            OwnershipOutcome.Conflict => Results.Problem(title: "That change is not allowed now.", detail: conflict, statusCode: StatusCodes.Status409Conflict),
            _ => Results.Ok(ConversationResponse.From((await queries.GetAsync(ApiCallers.InboxScope, id, ct))!)),
        };
}
