using Inbox.Core.Staff;
using Microsoft.AspNetCore.Authorization;

namespace Inbox.Web.Auth;

/// <summary>
/// One authorization policy per group of API endpoints, each needing the same permission as the matching
/// screens (<see cref="RolePermissions"/>): an API key can do what a person of its role can do, no more.
/// </summary>
internal static class ApiPolicies
{
    public const string AnyKey = "api:any-key";
    public const string ContactsRead = "api:contacts:read";
    public const string ContactsWrite = "api:contacts:write";
    public const string ContactsMerge = "api:contacts:merge";
    public const string ConversationsRead = "api:conversations:read";
    public const string ConversationsChange = "api:conversations:change";
    public const string AgentsRead = "api:agents:read";
    public const string MessagesRead = "api:messages:read";
    public const string MessagesSend = "api:messages:send";
    public const string AuditRead = "api:audit:read";
    public const string ConversationsHandover = "api:conversations:handover";
    public const string AuditVerify = "api:audit:verify";
    public const string ReportsRead = "api:reports:read";

    public static AuthorizationBuilder AddApiPolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(AnyKey, p => p.AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName).RequireAuthenticatedUser())
        .AddPolicy(ContactsRead, p => Require(p, Permission.ReadConversations))
        .AddPolicy(ContactsWrite, p => Require(p, Permission.ReplyToPatients))
        .AddPolicy(ContactsMerge, p => Require(p, Permission.MergeContacts))
        .AddPolicy(ConversationsRead, p => Require(p, Permission.ReadConversations))
        .AddPolicy(ConversationsChange, p => Require(p, Permission.ReplyToPatients))
        .AddPolicy(AgentsRead, p => Require(p, Permission.ReadConversations))
        .AddPolicy(MessagesRead, p => Require(p, Permission.ReadConversations))
        .AddPolicy(MessagesSend, p => Require(p, Permission.ReplyToPatients))
        .AddPolicy(AuditRead, p => Require(p, Permission.ViewAudit))
        .AddPolicy(ConversationsHandover, p => Require(p, Permission.TakeHandovers))
        .AddPolicy(AuditVerify, p => Require(p, Permission.ViewAudit))
        .AddPolicy(ReportsRead, p => Require(p, Permission.ViewReports));

    private static void Require(AuthorizationPolicyBuilder policy, Permission permission) => policy
        .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
        .RequireAuthenticatedUser()
        .RequireRole(RolePermissions.RolesWith(permission).Select(r => r.ToString()));
}
