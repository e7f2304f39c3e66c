namespace Inbox.Core.Conversations;

/// <summary>One candidate for an automatic assignment: whether they are online, how many open conversations they hold, when they last got one.</summary>
public sealed record AgentLoad(string StaffId, bool Online, int OpenConversations, DateTimeOffset? LastAssignedAt);

/// <summary>
/// Automatic assignment among the inbox's team members: only people online, only below the cap of open
/// conversations, and in turn — whoever got one longest ago (or never) goes next; ties go to the lighter load.
/// </summary>
public static class RoundRobin
{
    /// <param name="cap">Most open conversations one person may hold; null for no limit.</param>
    /// <returns>The staff id to assign, or null when nobody can take it now (it stays unassigned).</returns>
    public static string? Pick(IEnumerable<AgentLoad> candidates, int? cap) =>
        candidates
            .Where(a => a.Online && (cap is null || a.OpenConversations < cap))
            .OrderBy(a => a.LastAssignedAt ?? DateTimeOffset.MinValue)
            .ThenBy(a => a.OpenConversations)
            .ThenBy(a => a.StaffId, StringComparer.Ordinal)
            .FirstOrDefault()?.StaffId;
}
