using System.Net;
using System.Net.Http.Json;
using Inbox.Core.Reports;
using Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Tests.Integration;

/// <summary>The reports page's headline figures, counted by SQLite from what really arrived and went out.</summary>
public sealed class ReportQueriesTests(ReportQueriesTests.App app) : IClassFixture<ReportQueriesTests.App>
{
    public sealed class App : InboxWebApplicationFactory;

    private async Task<HeadlineFigures> HeadlinesAsync(DateTimeOffset start, DateTimeOffset end)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IReportQueries>().HeadlinesAsync(start, end, CancellationToken.None);
    }

    [Fact]
    public async Task Headlines_count_open_conversations_and_the_days_messages_each_way()
    {
        var now = DateTimeOffset.UtcNow;
        // A window around now stands in for "today", so the test does not depend on the hour it runs.
        var (start, end) = (now.AddHours(-2), now.AddHours(2));
        var before = await HeadlinesAsync(start, end);

        var today = await app.ReceiveWhatsAppAsync("15550810001", "Today Patient", "Can I come at 3?", now.AddMinutes(-1));
        await app.ReceiveWhatsAppAsync("15550810002", "Earlier Patient", "Thanks for yesterday", now.AddHours(-5));
        var reply = await app.CreateApiClient().PostAsJsonAsync($"/api/v1/conversations/{today}/messages", new { text = "Yes, 3 pm is free." });
        Assert.Equal(HttpStatusCode.Accepted, reply.StatusCode);

        var after = await HeadlinesAsync(start, end);
        Assert.Equal(before.OpenConversations + 2, after.OpenConversations);
        Assert.Equal(before.MessagesInToday + 1, after.MessagesInToday);
        Assert.Equal(before.MessagesOutToday + 1, after.MessagesOutToday);

        // Only open conversations count as waiting on the clinic.
        await using (var db = app.CreateDbContext())
            await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE Conversations SET Status = 'Resolved' WHERE Id = {today}");
        Assert.Equal(before.OpenConversations + 1, (await HeadlinesAsync(start, end)).OpenConversations);
    }

    [Fact]
    public async Task The_reports_page_shows_the_figures_to_a_supervisor()
    {
        await app.ReceiveWhatsAppAsync("15550810003", "Page Patient", "Hello");
        var supervisor = await StaffSignIn.SignedInClientAsync(app, StaffSignIn.Supervisor);

        var html = await supervisor.GetStringAsync("/reports");

        foreach (var figure in new[] { "report-open-conversations", "report-messages-in", "report-messages-out" })
            Assert.Contains($"data-testid=\"{figure}\"", html);
        Assert.Matches("data-testid=\"report-messages-in\"[\\s\\S]*?data-testid=\"report-value\"[^>]*>[1-9]", html);
    }
}
