using System.Security.Claims;
using Inbox.Core.Audit;
using Inbox.Core.Conversations;
using Inbox.Core.Teams;

namespace Inbox.Web.Auth;

/// <summary>The API caller (an API key) as the domain and the audit trail see it.</summary>
internal static class ApiCallers
{
    /// <summary>API keys carry a role but belong to no team: a key that may read conversations reads every inbox's.</summary>
    public static InboxScope InboxScope => InboxScope.All;

    public static string IdFor(string keyName) => Infrastructure.Auth.ApiKey.ActorIdFor(keyName);

    public static string KeyName(this ClaimsPrincipal user) =>
        user.FindFirstValue(ClaimTypes.Name) ?? throw new InvalidOperationException("The API endpoint ran without an authenticated key.");

    /// <summary>Messages sent through the API are written by an agent: the key acting for the clinic.</summary>
    public static MessageAuthor ToMessageAuthor(this ClaimsPrincipal user) => new(AuthorKind.Agent, IdFor(user.KeyName()), user.KeyName());

    public static AuditActor ToAuditActor(this ClaimsPrincipal user) => new("apiKey", IdFor(user.KeyName()), user.KeyName());
}
