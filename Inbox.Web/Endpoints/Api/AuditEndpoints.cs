using Inbox.Core.Audit;
using Inbox.Infrastructure.Audit;
using Inbox.Infrastructure.Persistence;
using Inbox.Web.Auth;
using Microsoft.EntityFrameworkCore;

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
        string? subjectType, string? subjectId, string? actorId, string? from, string? to, string? limit, string? cursor,
        InboxDbContext db, CancellationToken ct)
    {
        var input = new ApiQuery();
        var take = input.Limit(limit);
        var after = ParseLong(cursor, "cursor", input);
        var fromAt = ParseTime(from, "from", input);
        var toAt = ParseTime(to, "to", input);
        if (!input.IsValid) return ApiProblems.Invalid(input.Errors);

        // Newest first, keyset-paged on the id (ids grow with time).
        var query = db.AuditLog.AsNoTracking();
        if (!string.IsNullOrEmpty(subjectType)) query = query.Where(a => a.SubjectType == subjectType);
        if (!string.IsNullOrEmpty(subjectId)) query = query.Where(a => a.SubjectId == subjectId);
        if (!string.IsNullOrEmpty(actorId)) query = query.Where(a => a.ActorId == actorId);
        if (fromAt is { } f) query = query.Where(a => a.At >= f);
        if (toAt is { } t) query = query.Where(a => a.At < t);
        if (after is { } id) query = query.Where(a => a.Id < id);
        var rows = await query.OrderByDescending(a => a.Id).Take(take + 1).ToListAsync(ct);
        var next = rows.Count > take ? rows[take - 1].Id.ToString() : null;
        return Results.Ok(new ListResponse<AuditResponse>(rows.Take(take).Select(AuditResponse.From).ToList(), next));
    }

    private static async Task<IResult> VerifyAsync(AuditVerifier verifier, CancellationToken ct) =>
        Results.Ok(await verifier.VerifyAsync(ct));

    private static long? ParseLong(string? value, string field, ApiQuery input)
    {
        if (string.IsNullOrEmpty(value)) return null;
        if (long.TryParse(value, out var n) && n > 0) return n;
        input.Add(field, "Not a cursor this API returned.");
        return null;
    }

    private static DateTimeOffset? ParseTime(string? value, string field, ApiQuery input)
    {
        if (string.IsNullOrEmpty(value)) return null;
        if (DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at)) return at.ToUniversalTime();
        input.Add(field, "Use an ISO-8601 time, e.g. 2026-11-23T08:00:00Z.");
        return null;
    }
}

internal sealed record AuditActorResponse(string Kind, string Id, string? Name);

internal sealed record AuditResponse(long Id, DateTimeOffset At, AuditActorResponse Actor, string Action, string SubjectType, string SubjectId, string? Ip)
{
    public static AuditResponse From(AuditRecord r) =>
        new(r.Id, r.At, new AuditActorResponse(r.ActorKind, r.ActorId, r.ActorName), r.Action, r.SubjectType, r.SubjectId, r.Ip);
}
