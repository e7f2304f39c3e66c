using Inbox.Core.Audit;
using Inbox.Core.Conversations;
using Inbox.Infrastructure.Audit;
using Inbox.Web.Auth;

namespace Inbox.Web.Endpoints.Api;

/// <summary>`/api/v1/audit`: who accessed which patient record, and a check that nobody rewrote the log.</summary>
internal static class AuditEndpoints
{
    public static RouteGroupBuilder MapAudit(this RouteGroupBuilder api)
    {
        var audit = api.MapGroup("/audit").WithTags("Audit");
        audit.MapGet("", ListAsync).RequireAuthorization(ApiPolicies.AuditRead).Produces<ListResponse<AuditResponse>>().ProducesValidationProblem();
        audit.MapPost("/verify", VerifyAsync).RequireAuthorization(ApiPolicies.AuditVerify).Produces<AuditVerification>();
        return api;
    }

    private static async Task<IResult> ListAsync(
        string? subjectType, string? subjectId, string? actorId, string? action, string? from, string? to, string? limit, string? cursor,
        IAuditLog log, CancellationToken ct)
    {
        var input = new ApiQuery();
        var take = input.Limit(limit);
        var filter = new AuditFilter(ParseTime(from, "from", input), ParseTime(to, "to", input), actorId, action, subjectType, subjectId);
        if (!input.IsValid) return ApiProblems.Invalid(input.Errors);

        Page<AuditLogEntry> page;
        try { page = await log.ListAsync(filter, take, cursor, ct); }
        catch (FormatException) { input.InvalidCursor(); return ApiProblems.Invalid(input.Errors); }
        return Results.Ok(new ListResponse<AuditResponse>(page.Items.Select(AuditResponse.From).ToList(), page.Next));
    }

    private static async Task<IResult> VerifyAsync(AuditVerifier verifier, CancellationToken ct) =>
        Results.Ok(await verifier.VerifyAsync(ct));

    private static DateTimeOffset? ParseTime(string? value, string field, ApiQuery input)
    {
        if (string.IsNullOrEmpty(value)) return null;
        if (DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at)) return at.ToUniversalTime();
        input.Add(field, "Use an ISO-8601 time, e.g. 2026-11-23T08:00:00Z.");
        return null;
    }
}

internal sealed record AuditActorResponse(string Kind, string Id, string? Name);

internal sealed record AuditResponse(long Id, DateTimeOffset At, AuditActorResponse Actor, string Action, string SubjectType, string SubjectId, string? Ip, string? Detail)
{
    public static AuditResponse From(AuditLogEntry e) =>
        new(e.Id, e.At, new AuditActorResponse(e.Actor.Kind, e.Actor.Id, e.Actor.Name), e.Action, e.SubjectType, e.SubjectId, e.Ip, e.Detail);
}
