using Inbox.Core.Channels;
using Inbox.Core.Reports;
using Inbox.Core.Teams;
using Inbox.Infrastructure.Persistence.Queries.Reports;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Infrastructure.Persistence.Queries;

internal sealed partial class ReportQueries
{
    /// <summary>Five queries whatever the number of people: replies, first responses, resolutions and ratings grouped by person, then the names.</summary>
    public async Task<IReadOnlyList<AgentRow>> ByAgentAsync(ReportFilter filter, InboxScope scope, CancellationToken ct)
    {
        var sources = new ReportSources(db, filter, scope);
        // Among messages to the patient only people's carry an author id (the bot's and the page's outside Inbox do not),
        // so the count stays on the messages' covering index.
        var replies = await sources.MessagesOut.Where(m => m.AuthorId != null)
            .GroupBy(m => m.AuthorId!).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var firstResponse = await sources.FirstResponses.RankAsync(db, SampleGroup.Agent, ct);
        var resolution = await sources.Resolutions.RankAsync(db, SampleGroup.Agent, ct);
        var ratings = await sources.Ratings.TallyAsync(db, SampleGroup.Agent, ct);
        // Work nobody can be credited with (the bot's resolutions, replies sent outside Inbox) has no row.
        var ids = replies.Keys.Concat(firstResponse.Keys).Concat(resolution.Keys).Concat(ratings.Keys).Where(k => k != "").Distinct().ToList();
        var names = await NamesAsync(ids, ct);
        return ids.Select(id =>
        {
            var rated = ratings.GetValueOrDefault(id);
            var resolved = resolution.GetValueOrDefault(id) ?? Percentiles.None;
            return new AgentRow(id, names[id], replies.GetValueOrDefault(id), firstResponse.GetValueOrDefault(id) ?? Percentiles.None,
                resolved.Count, resolved, rated?.Count ?? 0, rated is null ? null : Ratio(rated.Good, rated.Count));
        }).OrderBy(r => r.Name, StringComparer.CurrentCultureIgnoreCase).ToList();
    }

    private static async Task<(Dictionary<string, int> In, Dictionary<string, int> Out)> MessagesByChannelAsync(ReportSources sources, CancellationToken ct)
    {
        if (sources.BothWays is not { } both)
            return (await sources.MessagesIn.GroupBy(m => m.Channel).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key.ToString(), x => x.Count, ct),
                await sources.MessagesOut.GroupBy(m => m.Channel).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key.ToString(), x => x.Count, ct));
        var rows = await both.GroupBy(m => new { m.Direction, m.Channel }).Select(g => new { g.Key.Direction, g.Key.Channel, Count = g.Count() }).ToListAsync(ct);
        return (rows.Where(r => r.Direction == Core.Conversations.MessageDirection.In).ToDictionary(r => r.Channel.ToString(), r => r.Count),
            rows.Where(r => r.Direction == Core.Conversations.MessageDirection.Out).ToDictionary(r => r.Channel.ToString(), r => r.Count));
    }

    /// <summary>Four queries (five with a person): messages each way, first responses, resolutions and ratings grouped by channel.</summary>
    public async Task<IReadOnlyList<ChannelRow>> ByChannelAsync(ReportFilter filter, InboxScope scope, CancellationToken ct)
    {
        var sources = new ReportSources(db, filter, scope);
        var (messagesIn, messagesOut) = await MessagesByChannelAsync(sources, ct);
        var firstResponse = await sources.FirstResponses.RankAsync(db, SampleGroup.Channel, ct);
        var resolution = await sources.Resolutions.RankAsync(db, SampleGroup.Channel, ct);
        var ratings = await sources.Ratings.TallyAsync(db, SampleGroup.Channel, ct);
        var present = messagesIn.Keys.Concat(messagesOut.Keys).Concat(firstResponse.Keys).Concat(resolution.Keys).Concat(ratings.Keys).ToHashSet();
        return Enum.GetValues<ChannelKind>().Where(c => present.Contains(c.ToString())).Select(channel =>
        {
            var key = channel.ToString();
            var rated = ratings.GetValueOrDefault(key);
            var resolved = resolution.GetValueOrDefault(key) ?? Percentiles.None;
            return new ChannelRow(channel, messagesIn.GetValueOrDefault(key), messagesOut.GetValueOrDefault(key), firstResponse.GetValueOrDefault(key) ?? Percentiles.None,
                resolved.Count, resolved, rated?.Count ?? 0, rated is null ? null : Ratio(rated.Good, rated.Count));
        }).ToList();
    }
}
