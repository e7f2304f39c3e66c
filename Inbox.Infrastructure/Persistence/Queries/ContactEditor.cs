using FluentValidation;
using Inbox.Core.Contacts;
using Inbox.Core.Conversations;
using Inbox.Core.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Inbox.Infrastructure.Persistence.Queries;

/// <summary>Applies validated changes to a contact the caller may see; phones are stored in E.164.</summary>
public sealed class ContactEditor(InboxDbContext db, IConversationQueries queries, IConfiguration configuration)
{
    /// <summary>`Contacts:DefaultRegion`: the clinic's country (ISO code) for phone numbers typed the local way.</summary>
    public string? DefaultRegion => configuration["Contacts:DefaultRegion"] is { Length: > 0 } region ? region : null;

    public async Task<(ContactView? Contact, IReadOnlyDictionary<string, string[]>? Errors)> UpdateAsync(InboxScope scope, Guid id, ContactChanges changes, CancellationToken ct)
    {
        if (await queries.ContactAsync(scope, id, ct) is null) return (null, null);
        var validation = await new ContactChangesValidator { DefaultRegion = DefaultRegion }.ValidateAsync(changes, ct);
        if (!validation.IsValid) return (null, validation.ToDictionary().AsReadOnly());

        var contact = await db.Contacts.SingleAsync(c => c.Id == id, ct);
        if (changes.Name is not null) contact.Rename(changes.Name);
        if (changes.Phone is not null) contact.ChangePhone(changes.Phone.Length == 0 ? null : PhoneNumber.Parse(changes.Phone, DefaultRegion));
        if (changes.Email is not null) contact.ChangeEmail(changes.Email);
        await db.SaveChangesAsync(ct);
        return (await queries.ContactAsync(scope, id, ct), null);
    }
}
