using Inbox.Core.Staff;
using Microsoft.AspNetCore.Authorization;

namespace Inbox.Web.Auth;

/// <summary>
/// One authorization policy per group of API endpoints. For now every role may use each of them;
/// restricting a group to some roles is a change to one line here, not to the endpoints.
/// </summary>
internal static class ApiPolicies
{
    public const string ContactsRead = "api:contacts:read";
    public const string ConversationsRead = "api:conversations:read";
    public const string MessagesRead = "api:messages:read";
    public const string MessagesSend = "api:messages:send";

    private static readonly StaffRole[] Everyone = Enum.GetValues<StaffRole>();

    public static AuthorizationBuilder AddApiPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(ContactsRead, p => Require(p, Everyone))
        .AddPolicy(ConversationsRead, p => Require(p, Everyone))
        .AddPolicy(MessagesRead, p => Require(p, Everyone))
        .AddPolicy(MessagesSend, p => Require(p, Everyone));

    private static void Require(AuthorizationPolicyBuilder policy, StaffRole[] roles) => policy
        .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
        .RequireAuthenticatedUser()
        .RequireRole(roles.Select(r => r.ToString()));
}
