using Inbox.Core.Conversations;
using Inbox.Core.Csat;
using Inbox.Core.Reports;
using Inbox.Core.Teams;
using Inbox.Infrastructure.Persistence.Queries.Reports;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Infrastructure.Persistence.Queries;

internal sealed partial class ReportQueries
{
    /// <summary>Six queries whatever the period (eight with a person): the messages, three rankings, the bot's episodes, the surveys.</summary>
    public async Task<ReportSummary> SummaryAsync(ReportFilter filter, InboxScope scope, CancellationToken ct)
    {
        var sources = new ReportSources(db, filter, scope);
        var (messagesIn, messagesOut, conversations) = await MessageCountsAsync(sources, ct);
        var firstResponse = One(await sources.FirstResponses.RankAsync(db, SampleGroup.None, ct));
        var resolution = One(await sources.Resolutions.RankAsync(db, SampleGroup.None, ct));
        var handoverWait = One(await sources.PickUps.RankAsync(db, SampleGroup.None, ct));
        var bot = await BotFiguresAsync(sources, ct);
        var csat = await CsatAsync(sources, ct);
        return new ReportSummary(conversations, messagesIn, messagesOut, firstResponse, resolution, csat,
            Ratio(bot.Contained, bot.WithBot), Ratio(bot.HandedOver, bot.WithBot), handoverWait);
    }

    /// <summary>Messages each way and the conversations patients wrote in: one pass over the messages' covering index.</summary>
    private static async Task<(int In, int Out, int Conversations)> MessageCountsAsync(ReportSources sources, CancellationToken ct)
    {
        if (sources.BothWays is not { } both)
            return (await sources.MessagesIn.CountAsync(ct), await sources.MessagesOut.CountAsync(ct),
                await sources.MessagesIn.Select(m => m.ConversationId).Distinct().CountAsync(ct));
        // One aggregate row (conditional counts): grouping by direction sorted every message of the period, and only
        // the patients' side needs its distinct conversations (−40% on a 30-day pass, bench/README.md).
        var row = await both.GroupBy(m => 1)
            .Select(g => new
            {
                In = g.Count(m => m.Direction == MessageDirection.In),
                Out = g.Count(m => m.Direction == MessageDirection.Out),
                Conversations = g.Where(m => m.Direction == MessageDirection.In).Select(m => m.ConversationId).Distinct().Count(),
            })
            .FirstOrDefaultAsync(ct);
        return (row?.In ?? 0, row?.Out ?? 0, row?.Conversations ?? 0);
    }

    private static Percentiles One(Dictionary<string, Percentiles> figures) => figures.GetValueOrDefault("") ?? Percentiles.None;

    private sealed record BotFigures(int WithBot, int Contained, int HandedOver);

    /// <summary>Episodes resolved in the period that the bot had: how many it kept (no human reply), how many it handed over.</summary>
    private static async Task<BotFigures> BotFiguresAsync(ReportSources sources, CancellationToken ct) =>
        await sources.Resolved.Where(e => e.WithBot).GroupBy(e => 1)
            .Select(g => new BotFigures(g.Count(), g.Count(e => e.HumanReplies == 0), g.Count(e => e.HandedOverAt != null)))
            .FirstOrDefaultAsync(ct) ?? new BotFigures(0, 0, 0);

    /// <summary>One grouped query: per rating (null = unanswered), how many surveys and how many of them were sent.</summary>
    private static async Task<CsatFigures> CsatAsync(ReportSources sources, CancellationToken ct)
    {
        var rows = await sources.Surveys.GroupBy(s => s.Rating)
            .Select(g => new { Rating = g.Key, Count = g.Count(), Sent = g.Count(s => s.Outcome == SurveyOutcome.Sent) })
            .ToListAsync(ct);
        var distribution = Enumerable.Range(1, 5).ToDictionary(r => r, r => rows.Where(x => x.Rating == r).Sum(x => x.Count));
        var responses = distribution.Values.Sum();
        return new CsatFigures(rows.Sum(x => x.Sent), responses, Ratio(responses, rows.Sum(x => x.Sent)),
            Ratio(distribution[4] + distribution[5], responses), distribution);
    }
}
