using Inbox.Core.Contacts;
using Inbox.Core.Teams;
using Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Tests.Integration;

/// <summary>The small demo clinic a developer sees at first run: every patient has a thread, and one pair shows the merge.</summary>
public sealed class DemoClinicSeedTests(DemoClinicSeedTests.App app) : IClassFixture<DemoClinicSeedTests.App>
{
    public sealed class App() : InboxWebApplicationFactory(new Dictionary<string, string?> { ["Demo:Seed"] = "true" });

    [Fact]
    public async Task The_demo_clinic_has_a_thread_per_patient_and_a_possible_duplicate_to_review()
    {
        _ = app.Server;
        await using var db = app.CreateDbContext();
        var contacts = await db.Contacts.AsNoTracking().ToListAsync();
        Assert.All(contacts, c => Assert.True(db.Conversations.Any(t => t.ContactId == c.Id), c.Name));

        var sitis = contacts.Where(c => c.Name == "Siti Rahmah").ToList();
        Assert.Equal(2, sitis.Count);
        await using var scope = app.Services.CreateAsyncScope();
        var suggestions = await scope.ServiceProvider.GetRequiredService<IDuplicateFinder>().FindAsync(InboxScope.All, sitis[0].Id, 10, default);
        var best = Assert.Single(suggestions);
        Assert.Equal(sitis[1].Id, best.ContactId);
        Assert.True(best.Score >= 0.9);
    }

    [Fact]
    public async Task The_demo_clinic_has_a_month_of_resolved_visits_and_ratings_for_the_dashboard()
    {
        _ = app.Server;
        await using var db = app.CreateDbContext();
        var now = DateTimeOffset.UtcNow;
        var episodes = await db.ConversationEpisodes.AsNoTracking().ToListAsync();
        var surveys = await db.CsatSurveys.AsNoTracking().ToListAsync();
        var staffIds = await db.Users.Select(u => u.Id).ToListAsync();

        Assert.True(episodes.Count >= 40, $"{episodes.Count} episodes");
        Assert.All(episodes, e => Assert.InRange(e.ResolvedAt, now.AddDays(-31), now));
        // Spread over the month, by people and by the bot alone, some handed over and taken.
        Assert.True(episodes.Select(e => e.ResolvedAt.Date).Distinct().Count() >= 15);
        Assert.Contains(episodes, e => e.WithBot && e.HumanReplies == 0 && e.ResolvedBy is null);
        Assert.Contains(episodes, e => e.WithBot && e.HandedOverAt is not null && e.HandoverWaitSeconds is not null);
        Assert.Contains(episodes, e => !e.WithBot && e.FirstResponseSeconds is not null);
        Assert.All(episodes.Where(e => e.ResolvedBy is not null), e => Assert.Contains(e.ResolvedBy, staffIds));
        Assert.True(episodes.Where(e => e.FirstResponderId is not null).Select(e => e.FirstResponderId).Distinct().Count() >= 2);

        // One survey per episode; most sent, many rated, some with a comment, every score from poor to excellent.
        Assert.Equal(episodes.Select(e => e.Id).Order(), surveys.Select(s => s.EpisodeId).Order());
        Assert.Contains(surveys, s => s.Outcome == Inbox.Core.Csat.SurveyOutcome.NotSentWindowClosed);
        Assert.Equal([1, 2, 3, 4, 5], surveys.Where(s => s.Rating is not null).Select(s => s.Rating!.Value).Distinct().Order());
        Assert.Contains(surveys, s => s.Comment is not null);
        Assert.All(surveys.Where(s => s.Rating is not null), s => Assert.NotNull(s.AnswerMessageId));

        // The history's threads are all done; the demo's current patients still wait as before.
        var historyThreads = episodes.Select(e => e.ConversationId).Distinct().ToList();
        Assert.All(await db.Conversations.AsNoTracking().Where(c => historyThreads.Contains(c.Id)).ToListAsync(),
            c => Assert.Equal(Inbox.Core.Conversations.ConversationStatus.Resolved, c.Status));
        Assert.Equal(6, await db.Conversations.CountAsync(c => !historyThreads.Contains(c.Id)));
    }
}
