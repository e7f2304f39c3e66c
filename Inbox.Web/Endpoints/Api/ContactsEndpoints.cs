using Inbox.Core.Audit;
using Inbox.Core.Contacts;
using Inbox.Core.Contacts.Merging;
using Inbox.Infrastructure.Persistence.Queries;
using Inbox.Core.Conversations;
using Inbox.Web.Auth;

namespace Inbox.Web.Endpoints.Api;

/// <summary>`/api/v1/contacts`: the patients (and relatives) who have written in.</summary>
internal static class ContactsEndpoints
{
    public static RouteGroupBuilder MapContacts(this RouteGroupBuilder api)
    {
        var contacts = api.MapGroup("/contacts").WithTags("Contacts").RequireAuthorization(ApiPolicies.ContactsRead);
        contacts.MapGet("", ListAsync).Produces<ListResponse<ContactResponse>>().ProducesValidationProblem();
        contacts.MapGet("/{id}", GetAsync).Produces<ContactResponse>().Produces<MergedContactResponse>().ProducesProblem(StatusCodes.Status404NotFound);
        contacts.MapPatch("/{id}", PatchAsync).RequireAuthorization(ApiPolicies.ContactsWrite)
            .Produces<ContactResponse>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        contacts.MapGet("/{id}/duplicates", DuplicatesAsync).Produces<List<DuplicateResponse>>().ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    private static async Task<IResult> ListAsync(
        string? query, string? phone, string? limit, string? cursor,
        IConversationQueries queries, IAuditTrail audit, HttpContext http, CancellationToken ct)
    {
        var input = new ApiQuery();
        var take = input.Limit(limit);
        if (!input.IsValid) return ApiProblems.Invalid(input.Errors);

        Page<ContactView> page;
        try { page = await queries.ContactsAsync(ApiCallers.InboxScope, query, phone, take, cursor, ct); }
        catch (FormatException) { input.InvalidCursor(); return ApiProblems.Invalid(input.Errors); }

        await audit.RecordAsync(http, AuditActions.ContactList, AuditSubjects.Contact, page.Items.Select(c => c.Id));
        return Results.Ok(new ListResponse<ContactResponse>(page.Items.Select(ContactResponse.From).ToList(), page.Next));
    }

    private static async Task<IResult> GetAsync(string id, IConversationQueries queries, IMergeReview merges, IAuditTrail audit, HttpContext http, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var contactId)) return ApiProblems.NotFound("contact");
        if (await queries.ContactAsync(ApiCallers.InboxScope, contactId, ct) is not { } contact)
        {
            // A merged-away id still leads to the patient: old links and stored ids keep working.
            if (await merges.MergedIntoAsync(contactId, ct) is { } survivor)
            {
                await audit.RecordAsync(http, AuditActions.ContactRead, AuditSubjects.Contact, contactId);
                return Results.Ok(new MergedContactResponse(contactId, survivor));
            }
            return ApiProblems.NotFound("contact");
        }
        await audit.RecordAsync(http, AuditActions.ContactRead, AuditSubjects.Contact, contact.Id);
        return Results.Ok(ContactResponse.From(contact));
    }

    private static async Task<IResult> PatchAsync(string id, HttpRequest request, ContactEditor editor, IAuditTrail audit, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var contactId)) return ApiProblems.NotFound("contact");
        ContactChanges? changes;
        try { changes = await request.ReadFromJsonAsync<ContactChanges>(ct); }
        catch (Exception e) when (e is System.Text.Json.JsonException or InvalidOperationException)
        {
            return ApiProblems.Invalid(new Dictionary<string, string[]> { ["body"] = ["The body must be JSON: { \"name\": ..., \"phone\": ..., \"email\": ..., \"dateOfBirth\": ... }."] }, "The request body is not valid JSON.");
        }
        if (changes is null) return ApiProblems.Invalid(new Dictionary<string, string[]> { ["body"] = ["Send the fields to change."] });

        var result = await editor.UpdateAsync(ApiCallers.InboxScope, contactId, changes, ct);
        switch (result.Outcome)
        {
            case ContactEditOutcome.Invalid: return ApiProblems.Invalid(result.Errors!, "The contact cannot be changed as asked.");
            case ContactEditOutcome.NotFound: return ApiProblems.NotFound("contact");
            case ContactEditOutcome.Conflict: return ApiProblems.Conflict(result.Error!, extensions: result.MergedInto is { } into ? new Dictionary<string, object?> { ["mergedInto"] = into } : null);
        }
        await audit.RecordAsync(request.HttpContext, AuditActions.ContactUpdate, AuditSubjects.Contact, contactId);
        return Results.Ok(ContactResponse.From(result.Contact!));
    }

    private static async Task<IResult> DuplicatesAsync(string id, IConversationQueries queries, IDuplicateFinder finder, IAuditTrail audit, HttpContext http, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var contactId) || await queries.ContactAsync(ApiCallers.InboxScope, contactId, ct) is null)
            return ApiProblems.NotFound("contact");
        var suggestions = await finder.FindAsync(ApiCallers.InboxScope, contactId, 10, ct);
        await audit.RecordAsync(http, AuditActions.ContactDuplicatesRead, AuditSubjects.Contact, contactId);
        return Results.Ok(suggestions.Select(s => new DuplicateResponse(s.ContactId, s.Score, s.Reasons)).ToList());
    }
}

/// <param name="Score">0–1: how likely the two are one person.</param>
public sealed record DuplicateResponse(Guid ContactId, double Score, IReadOnlyList<string> Reasons);
