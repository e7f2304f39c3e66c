using Inbox.Core.Contacts;
using Inbox.Core.Contacts.Merging;
using Inbox.Core.Conversations;
using Inbox.Core.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Inbox.Infrastructure.Persistence.Queries;

public enum ContactEditOutcome { Updated, NotFound, Invalid, Conflict }

/// <param name="MergedInto">Set when the contact was merged away: edit that one instead.</param>
public sealed record ContactEditResult(ContactEditOutcome Outcome, ContactView? Contact = null, IReadOnlyDictionary<string, string[]>? Errors = null,
    Guid? MergedInto = null, string? Error = null);

/// <summary>Applies validated changes to a contact the caller may see; phones are stored in E.164.</summary>
public sealed class ContactEditor(InboxDbContext db, IConversationQueries queries, IMergeReview merges, IConfiguration configuration, TimeProvider clock)
{
    /// <summary>`Contacts:DefaultRegion`: the clinic's country (ISO code) for phone numbers typed the local way.</summary>
    public string? DefaultRegion => configuration["Contacts:DefaultRegion"] is { Length: > 0 } region ? region : null;

    /// <param name="expectedVersion">The version the editor saw; a newer one means someone else changed the contact meanwhile.</param>
    public async Task<ContactEditResult> UpdateAsync(InboxScope scope, Guid id, ContactChanges changes, CancellationToken ct, int? expectedVersion = null)
    {
        var visible = db.VisibleContacts(scope);
        if (!await visible.AnyAsync(c => c.Id == id, ct))
            return await merges.MergedIntoAsync(id, ct) is { } survivor && await visible.AnyAsync(c => c.Id == survivor, ct)
                ? new ContactEditResult(ContactEditOutcome.Conflict, MergedInto: survivor, Error: "This contact was merged into another one; change that one instead.")
                : new ContactEditResult(ContactEditOutcome.NotFound);
        var validation = await new ContactChangesValidator { DefaultRegion = DefaultRegion }.ValidateAsync(changes, ct);
        if (!validation.IsValid) return new ContactEditResult(ContactEditOutcome.Invalid, Errors: validation.ToDictionary().AsReadOnly());

        var contact = await db.Contacts.SingleAsync(c => c.Id == id, ct);
        if (expectedVersion is { } expected && expected != contact.Version)
            return new ContactEditResult(ContactEditOutcome.Conflict, Error: "Someone changed this contact a moment ago. Look at it again before saving.");
        var now = ContactDetails.Of(contact);
        contact.Edit(new ContactDetails(
            changes.Name ?? now.Name,
            changes.Phone is null ? now.Phone : changes.Phone.Length == 0 ? null : PhoneNumber.Parse(changes.Phone, DefaultRegion).Value,
            changes.Email is null ? now.Email : changes.Email.Length == 0 ? null : changes.Email,
            changes.DateOfBirth is null ? now.DateOfBirth : ContactChangesValidator.TryParseBirthDate(changes.DateOfBirth, out var born) ? born : null), clock.GetUtcNow());
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            return new ContactEditResult(ContactEditOutcome.Conflict, Error: "Someone changed this contact a moment ago. Look at it again before saving.");
        }
        return new ContactEditResult(ContactEditOutcome.Updated, await queries.ContactAsync(scope, id, ct));
    }
}
