using Inbox.Core.Audit;
using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Infrastructure.Labels;
using Inbox.Web.Auth;

namespace Inbox.Web.Endpoints.Api;

/// <summary>`/api/v1/conversations`: the inbox list (newest activity first) and single threads.</summary>
internal static class ConversationsEndpoints
{
    public static RouteGroupBuilder MapConversations(this RouteGroupBuilder api)
    {
        var conversations = api.MapGroup("/conversations").WithTags("Conversations").RequireAuthorization(ApiPolicies.ConversationsRead);
        conversations.MapGet("", ListAsync).Produces<ListResponse<ConversationResponse>>().ProducesValidationProblem();
        conversations.MapGet("/{id}", GetAsync).Produces<ConversationResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> ListAsync(
        string? status, string? assigneeId, string? channel, string? contactId, string? handledBy, string? limit, string? cursor,
        string? priority, string? teamId, string? label, string? accountId, string? unassigned,
        IConversationQueries queries, LabelAdmin labels, IAuditTrail audit, HttpContext http, CancellationToken ct)
    {
        var input = new ApiQuery();
        Guid? labelId = null;
        if (!string.IsNullOrWhiteSpace(label))
        {
            var (ids, unknown) = await labels.ResolveNamesAsync([label], ct);
            if (unknown.Count > 0) input.Add("label", $"No label is called {label}.");
            else labelId = ids[0];
        }
        var filter = new ConversationFilter(
            input.Enum<ConversationStatus>(status, "status"),
            string.IsNullOrEmpty(assigneeId) ? null : assigneeId,
            input.Enum<ChannelKind>(channel, "channel"),
            input.Id(contactId, "contactId"),
            input.Enum<HandledBy>(handledBy, "handledBy"),
            Unassigned: string.Equals(unassigned, "true", StringComparison.OrdinalIgnoreCase),
            TeamId: input.Id(teamId, "teamId"),
            Priority: input.Enum<Priority>(priority, "priority"),
            LabelId: labelId,
            AccountId: string.IsNullOrEmpty(accountId) ? null : accountId);
        var take = input.Limit(limit);
        if (!input.IsValid) return ApiProblems.Invalid(input.Errors);

        Page<ConversationListItem> page;
        try { page = await queries.ListAsync(ApiCallers.InboxScope, filter, take, cursor, ct); }
        catch (FormatException) { input.InvalidCursor(); return ApiProblems.Invalid(input.Errors); }

        await audit.RecordAsync(http, AuditActions.ConversationList, AuditSubjects.Conversation, page.Items.Select(c => c.Id));
        return Results.Ok(new ListResponse<ConversationResponse>(page.Items.Select(ConversationResponse.From).ToList(), page.Next));
    }

    private static async Task<IResult> GetAsync(string id, IConversationQueries queries, IAuditTrail audit, HttpContext http, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var conversationId) || await queries.GetAsync(ApiCallers.InboxScope, conversationId, ct) is not { } conversation)
            return ApiProblems.NotFound("conversation");
        await audit.RecordAsync(http, AuditActions.ConversationRead, AuditSubjects.Conversation, conversation.Id);
        return Results.Ok(ConversationResponse.From(conversation));
    }
}
