using System.Text.Json;
using FluentValidation;
using Inbox.Core.Audit;
using Inbox.Core.Contacts.Merging;
using Inbox.Web.Auth;

namespace Inbox.Web.Endpoints.Api;

/// <summary>`/api/v1/contact-merges`: join two records of one patient, and undo that.</summary>
internal static class ContactMergesEndpoints
{
    public static RouteGroupBuilder MapContactMerges(this RouteGroupBuilder api)
    {
        var merges = api.MapGroup("/contact-merges").WithTags("Contacts").RequireAuthorization(ApiPolicies.ContactsMerge);
        merges.MapPost("", MergeAsync).Produces<ContactMergeResponse>(StatusCodes.Status201Created).ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        merges.MapGet("/{id}", GetAsync).Produces<ContactMergeResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        merges.MapDelete("/{id}", UnmergeAsync).Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        return api;
    }

    private static async Task<IResult> MergeAsync(HttpRequest request, IContactMerger merger, IAuditTrail audit, CancellationToken ct)
    {
        ContactMergeBody? body;
        try { body = await request.ReadFromJsonAsync<ContactMergeBody>(ct); }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return ApiProblems.Invalid(new Dictionary<string, string[]> { ["body"] = [ContactMergeBodyValidator.Shape] }, "The request body is not valid JSON.");
        }
        if (body is null) return ApiProblems.Invalid(new Dictionary<string, string[]> { ["body"] = [ContactMergeBodyValidator.Shape] });
        var validation = new ContactMergeBodyValidator().Validate(body);
        if (!validation.IsValid) return ApiProblems.Invalid(validation.ToDictionary().AsReadOnly(), "The merge cannot be done as asked.");

        var result = await merger.MergeAsync(ApiCallers.InboxScope, body.ToRequest(), request.HttpContext.User.ToAuditActor(), ct);
        switch (result.Outcome)
        {
            case MergeOutcome.NotFound: return ApiProblems.NotFound("contact");
            case MergeOutcome.Invalid: return ApiProblems.Invalid(new Dictionary<string, string[]> { ["mergedId"] = [result.Error!] }, "The merge cannot be done as asked.");
            case MergeOutcome.Conflict: return ApiProblems.Conflict(result.Error!);
        }
        var merge = result.Merge!;
        await audit.RecordAsync(request.HttpContext, AuditActions.ContactMerge, AuditSubjects.Contact, [merge.SurvivorId, merge.MergedId], merge.AuditDetail());
        return Results.Created($"{ApiV1.Prefix}/contact-merges/{merge.Id}", ContactMergeResponse.From(merge));
    }

    private static async Task<IResult> GetAsync(string id, IMergeReview merges, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var mergeId) || await merges.MergeAsync(ApiCallers.InboxScope, mergeId, ct) is not { } merge) return ApiProblems.NotFound("merge");
        return Results.Ok(ContactMergeResponse.From(merge));
    }

    private static async Task<IResult> UnmergeAsync(string id, IContactMerger merger, IAuditTrail audit, HttpContext http, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var mergeId)) return ApiProblems.NotFound("merge");
        var result = await merger.UnmergeAsync(ApiCallers.InboxScope, mergeId, http.User.ToAuditActor(), ct);
        switch (result.Outcome)
        {
            case UnmergeOutcome.NotFound: return ApiProblems.NotFound("merge");
            case UnmergeOutcome.AlreadyUndone or UnmergeOutcome.Conflict: return ApiProblems.Conflict(result.Error!);
        }
        var merge = result.Merge!;
        await audit.RecordAsync(http, AuditActions.ContactUnmerge, AuditSubjects.Contact, [merge.SurvivorId, merge.MergedId], $"merge {merge.Id}");
        return Results.NoContent();
    }
}

/// <param name="FieldChoices">Per field (`name`, `phone`, `email`, `dateOfBirth`): `survivor` or `merged`; fields left out keep the most recently verified value.</param>
/// <param name="SurvivorVersion">The survivor's `version` as reviewed: a newer one refuses the merge (409).</param>
internal sealed record ContactMergeBody(Guid? SurvivorId, Guid? MergedId, Dictionary<string, string>? FieldChoices, int? SurvivorVersion, int? MergedVersion)
{
    public MergeRequest ToRequest() => new(SurvivorId!.Value, MergedId!.Value,
        FieldChoices?.ToDictionary(c => ContactMergeBodyValidator.Field(c.Key)!.Value, c => ContactMergeBodyValidator.Side(c.Value)!.Value),
        SurvivorVersion, MergedVersion);
}

internal sealed class ContactMergeBodyValidator : AbstractValidator<ContactMergeBody>
{
    public const string Shape = "The body must be JSON: { \"survivorId\": \"…\", \"mergedId\": \"…\", \"fieldChoices\": { \"phone\": \"merged\" } }.";

    public ContactMergeBodyValidator()
    {
        RuleFor(b => b.SurvivorId).NotNull().WithMessage("Give the id of the contact to keep.");
        RuleFor(b => b.MergedId).NotNull().WithMessage("Give the id of the contact to merge into it.")
            .NotEqual(b => b.SurvivorId).WithMessage("A contact cannot be merged into itself.");
        RuleForEach(b => b.FieldChoices).Must(c => Field(c.Key) is not null)
            .WithMessage(c => "Field choices name name, phone, email or dateOfBirth.")
            .Must(c => Side(c.Value) is not null)
            .WithMessage("A field choice is \"survivor\" or \"merged\".")
            .When(b => b.FieldChoices is not null);
    }

    public static ContactField? Field(string name) => name.ToLowerInvariant() switch
    {
        "name" => ContactField.Name,
        "phone" => ContactField.Phone,
        "email" => ContactField.Email,
        "dateofbirth" => ContactField.DateOfBirth,
        _ => null,
    };

    public static MergeSide? Side(string? side) => side?.ToLowerInvariant() switch
    {
        "survivor" => MergeSide.Survivor,
        "merged" => MergeSide.Merged,
        _ => null,
    };
}

public sealed record ContactMergeFieldResponse(string Field, string Kept, bool Overwrote);

public sealed record ContactMergeResponse(Guid Id, Guid SurvivorId, Guid MergedId, DateTimeOffset MergedAt, string MergedBy,
    DateTimeOffset? UndoneAt, string? UndoneBy, IReadOnlyList<ContactMergeFieldResponse> FieldChoices)
{
    public static ContactMergeResponse From(ContactMerge m) => new(m.Id, m.SurvivorId, m.MergedId, m.MergedAt, m.MergedBy.Name ?? m.MergedBy.Id,
        m.UndoneAt, m.UndoneBy is { } u ? u.Name ?? u.Id : null,
        m.Decisions.Select(d => new ContactMergeFieldResponse(JsonNamingPolicy.CamelCase.ConvertName(d.Field.ToString()),
            d.Side == MergeSide.Survivor ? "survivor" : "merged", d.Overwritten is not null)).ToList());
}
