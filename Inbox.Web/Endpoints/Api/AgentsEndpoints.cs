using Inbox.Core.Staff;
using Inbox.Infrastructure.Workflow;
using Inbox.Web.Auth;

namespace Inbox.Web.Endpoints.Api;

/// <param name="Presence">online, away or offline; <see cref="Online"/> is the contract's boolean.</param>
public sealed record AgentResponse(string Id, string Name, string? Role, IReadOnlyList<string> Teams, bool Online, PresenceStatus Presence);

/// <summary>`GET /api/v1/agents`: active staff, their teams and whether they are online now.</summary>
internal static class AgentsEndpoints
{
    public static RouteGroupBuilder MapAgents(this RouteGroupBuilder api)
    {
        api.MapGet("/agents", async (StaffAgents agents, IStaffPresence presence, CancellationToken ct) =>
        {
            var rows = await agents.ActiveAsync(ct);
            return Results.Ok(rows.Select(a =>
            {
                var status = presence.Of(a.Id);
                return new AgentResponse(a.Id, a.Name, a.Role?.ToLowerInvariant(), a.Teams, status == PresenceStatus.Online, status);
            }).ToList());
        }).WithTags("Agents").RequireAuthorization(ApiPolicies.AgentsRead).Produces<List<AgentResponse>>();
        return api;
    }
}
