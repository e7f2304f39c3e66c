using Inbox.Core.Channels;
using Inbox.Core.Conversations;

namespace Inbox.Web.Endpoints.Api;

public sealed record ContactIdentityResponse(ChannelKind Channel, string AccountId, string ExternalId, string? DisplayName);

public sealed record ContactResponse(Guid Id, string Name, string? Phone, string? Email, IReadOnlyList<ContactIdentityResponse> Identities, DateTime CreatedAt)
{
    public static ContactResponse From(ContactView c) => new(c.Id, c.Name, c.Phone, c.Email,
        c.Identities.Select(i => new ContactIdentityResponse(i.Channel, i.AccountId, i.ExternalId, i.DisplayName)).ToList(),
        c.CreatedAt.UtcDateTime);
}
