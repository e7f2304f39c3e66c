using Inbox.Core.Common;
using Inbox.Core.Conversations;
using Inbox.Infrastructure.Labels;
using Inbox.Web.Auth;

namespace Inbox.Web.Endpoints.Api;

public sealed record AssignRequest(string? AgentId, Guid? TeamId);

public sealed record LabelsRequest(IReadOnlyList<string>? Labels);

public sealed record SnoozeRequest(DateTime? Until);

public sealed record PriorityRequest(string? Priority);

/// <summary>
/// `/api/v1/conversations/{id}/…` changes: assign, labels, resolve, reopen, snooze, pending, priority. Each answers the
/// conversation as it is afterwards; a change its status does not allow answers 409. Audited and live like the screens' changes.
/// </summary>
internal static class ConversationWorkflowEndpoints
{
    public static RouteGroupBuilder MapConversationWorkflow(this RouteGroupBuilder api)
    {
        var change = api.MapGroup("/conversations/{id}").WithTags("Conversations").RequireAuthorization(ApiPolicies.ConversationsChange);
        change.MapPost("/assign", AssignAsync).Produces<ConversationResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        change.MapPut("/labels", LabelsAsync).Produces<ConversationResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        change.MapPost("/resolve", (string id, IConversationWorkflow w, HttpContext http, CancellationToken ct) => StatusAsync(id, ConversationStatus.Resolved, null, w, http, ct))
            .Produces<ConversationResponse>().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status404NotFound);
        change.MapPost("/reopen", (string id, IConversationWorkflow w, HttpContext http, CancellationToken ct) => StatusAsync(id, ConversationStatus.Open, null, w, http, ct))
            .Produces<ConversationResponse>().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status404NotFound);
        change.MapPost("/pending", (string id, IConversationWorkflow w, HttpContext http, CancellationToken ct) => StatusAsync(id, ConversationStatus.Pending, null, w, http, ct))
            .Produces<ConversationResponse>().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status404NotFound);
        change.MapPost("/snooze", SnoozeAsync).Produces<ConversationResponse>().ProducesProblem(StatusCodes.Status409Conflict).ProducesProblem(StatusCodes.Status404NotFound);
        change.MapPost("/priority", PriorityAsync).Produces<ConversationResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> AssignAsync(string id, HttpRequest request, IConversationWorkflow workflow, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var conversationId)) return ApiProblems.NotFound("conversation");
        if (await BodyAsync<AssignRequest>(request, "{ \"agentId\": \"<staff id>\" | null, \"teamId\": \"<team id>\" }", ct) is not { } body) return BadBody;
        var agentId = string.IsNullOrWhiteSpace(body.AgentId) ? null : body.AgentId;
        return await RunAsync(() => workflow.AssignAsync(ApiCallers.InboxScope, conversationId, agentId, body.TeamId, Actor(request.HttpContext), ct), "agentId");
    }

    private static async Task<IResult> LabelsAsync(string id, HttpRequest request, IConversationWorkflow workflow, LabelAdmin labels, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var conversationId)) return ApiProblems.NotFound("conversation");
        if (await BodyAsync<LabelsRequest>(request, "{ \"labels\": [\"label name\", …] }", ct) is not { Labels: { } names }) return BadBody;
        var (ids, unknown) = await labels.ResolveNamesAsync(names.Where(n => !string.IsNullOrWhiteSpace(n)), ct);
        if (unknown.Count > 0)
            return ApiProblems.Invalid(new Dictionary<string, string[]> { ["labels"] = [$"No label is called {string.Join(", ", unknown)}. An admin adds labels on /admin/labels."] });
        return await RunAsync(() => workflow.SetLabelsAsync(ApiCallers.InboxScope, conversationId, ids, Actor(request.HttpContext), ct), "labels");
    }

    private static async Task<IResult> SnoozeAsync(string id, HttpRequest request, IConversationWorkflow workflow, CancellationToken ct)
    {
        if (request.ContentLength is 0 or null && !request.HasJsonContentType()) return await StatusAsync(id, ConversationStatus.Snoozed, null, workflow, request.HttpContext, ct);
        if (await BodyAsync<SnoozeRequest>(request, "{ \"until\": \"2026-11-24T09:00:00Z\" } (or no body: until the patient writes)", ct) is not { } body) return BadBody;
        DateTimeOffset? until = body.Until is { } u ? new DateTimeOffset(DateTime.SpecifyKind(u, u.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : u.Kind).ToUniversalTime()) : null;
        return await StatusAsync(id, ConversationStatus.Snoozed, until, workflow, request.HttpContext, ct);
    }

    private static async Task<IResult> PriorityAsync(string id, HttpRequest request, IConversationWorkflow workflow, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var conversationId)) return ApiProblems.NotFound("conversation");
        if (await BodyAsync<PriorityRequest>(request, "{ \"priority\": \"low|normal|high|urgent\" }", ct) is not { } body) return BadBody;
        var input = new ApiQuery();
        if (input.Enum<Priority>(body.Priority, "priority") is not { } priority)
        {
            if (input.IsValid) input.Add("priority", "priority is required: low, normal, high or urgent.");
            return ApiProblems.Invalid(input.Errors);
        }
        return await RunAsync(() => workflow.ChangePriorityAsync(ApiCallers.InboxScope, conversationId, priority, Actor(request.HttpContext), ct), "priority");
    }

    private static async Task<IResult> StatusAsync(string id, ConversationStatus to, DateTimeOffset? until, IConversationWorkflow workflow, HttpContext http, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var conversationId)) return ApiProblems.NotFound("conversation");
        return await RunAsync(() => workflow.ChangeStatusAsync(ApiCallers.InboxScope, conversationId, to, until, Actor(http), ct), "status");
    }

    /// <summary>The domain's refusals as problems: a state conflict is 409, a bad value 400, outside the caller's inboxes 404.</summary>
    private static async Task<IResult> RunAsync(Func<Task<ConversationListItem?>> change, string field)
    {
        try
        {
            return await change() is { } conversation ? Results.Ok(ConversationResponse.From(conversation)) : ApiProblems.NotFound("conversation");
        }
        catch (ConversationConflictException e) { return ApiProblems.Conflict(e.Message); }
        catch (InboxDomainException e) { return ApiProblems.Invalid(new Dictionary<string, string[]> { [field] = [e.Message] }, e.Message); }
    }

    private static WorkflowActor Actor(HttpContext http) => new(http.User.ToAuditActor(), http.Connection.RemoteIpAddress?.ToString(), null);

    private static readonly IResult BadBody = ApiProblems.Invalid(new Dictionary<string, string[]> { ["body"] = ["The body must be JSON as the API documentation shows."] }, "The request body is not valid JSON.");

    private static async Task<T?> BodyAsync<T>(HttpRequest request, string shape, CancellationToken ct) where T : class
    {
        try { return await request.ReadFromJsonAsync<T>(ct); }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException) { _ = shape; return null; }
    }
}
