using Inbox.Core.Channels;
using Inbox.Core.Conversations;

namespace Inbox.Web.Endpoints.Api;

public sealed record ContactIdentityResponse(ChannelKind Channel, string AccountId, string ExternalId, string? DisplayName);

/// <param name="DateOfBirth">yyyy-MM-dd.</param>
/// <param name="Version">Changes with every change of the contact; send it back with a merge to refuse one based on an old view.</param>
/// <param name="MergedInto">Null for a live contact; the survivor's id for a merged-away one.</param>
public sealed record ContactResponse(Guid Id, string Name, string? Phone, string? Email, IReadOnlyList<ContactIdentityResponse> Identities, DateTime CreatedAt,
    string? DateOfBirth, int Version, Guid? MergedInto = null)
{
    public static ContactResponse From(ContactView c) => new(c.Id, c.Name, c.Phone, c.Email,
        c.Identities.Select(i => new ContactIdentityResponse(i.Channel, i.AccountId, i.ExternalId, i.DisplayName)).ToList(),
        c.CreatedAt.UtcDateTime, c.DateOfBirth?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), c.Version);
}

/// <summary>What a merged-away contact's id answers: where the patient lives now.</summary>
public sealed record MergedContactResponse(Guid Id, Guid MergedInto);
