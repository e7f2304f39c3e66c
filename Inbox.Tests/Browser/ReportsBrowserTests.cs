using Inbox.Infrastructure.Channels.Accounts;
using Inbox.Infrastructure.Teams;
using Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Inbox.Tests.Browser;

/// <summary>
/// The survey loop end to end in a real browser: a receptionist answers and resolves, the patient taps a rating on
/// WhatsApp, and the supervisor's open dashboard counts it without a reload and drills into the conversation behind it.
/// </summary>
public sealed class ReportsBrowserTests(BrowserAppFixture fixture) : IClassFixture<BrowserAppFixture>
{
    private HttpClient Webhooks => new() { BaseAddress = fixture.BaseAddress };

    [Fact]
    public async Task A_patients_rating_after_a_resolve_shows_on_the_open_dashboard_and_drills_into_the_conversation()
    {
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            var inbox = fixture.App.Services.GetRequiredService<ChannelAccountDirectory>().DefaultInboxId;
            await scope.ServiceProvider.GetRequiredService<TeamAdmin>().ConfigureSurveyAsync(inbox, true, null, default);
        }
        (await Webhooks.PostWhatsAppAsync(WhatsAppPayloads.Text("15550900001", "Rosa Rating", "Can I move my blood test to Friday?"))).EnsureSuccessStatusCode();
        Guid conversation;
        await using (var db = fixture.App.CreateDbContext())
        {
            var contact = await Eventually.GetAsync(() => db.Contacts.AsNoTracking().FirstOrDefaultAsync(c => c.Phone == "+15550900001"), c => c is not null);
            conversation = (await db.Conversations.AsNoTracking().SingleAsync(c => c.ContactId == contact!.Id)).Id;
        }

        // The supervisor keeps the dashboard open (last 7 days, which includes now): nothing rated yet.
        var supervisor = await fixture.SignInAsync(StaffSignIn.Supervisor, "/reports");
        var satisfaction = supervisor.GetByTestId("report-card-satisfaction").GetByTestId("report-card-value");
        await Assertions.Expect(satisfaction).ToHaveTextAsync("—");

        // Rita answers and resolves: the survey goes to the patient with its five choices.
        var rita = await fixture.SignInAsync(StaffSignIn.Receptionist, $"/conversations/{conversation}");
        await Assertions.Expect(rita.GetByTestId("composer-send")).ToBeEnabledAsync();
        await rita.GetByTestId("composer-input").FillAsync("Friday at 8:30 is booked for you.");
        await rita.GetByTestId("composer-send").ClickAsync();
        await Assertions.Expect(rita.GetByTestId("thread")).ToContainTextAsync("Friday at 8:30 is booked for you.");
        await rita.GetByTestId("status-menu").Locator("button").ClickAsync();
        await rita.GetByTestId("action-resolve").ClickAsync();
        var survey = await Eventually.GetAsync(() => Task.FromResult(fixture.Graph.SendBodies()
                .FirstOrDefault(b => b.GetProperty("to").GetString() == "+15550900001" && b.GetProperty("type").GetString() == "interactive")),
            b => b.ValueKind != System.Text.Json.JsonValueKind.Undefined);
        Assert.Contains("csat:5", survey.ToString());

        // The patient taps "5 · Excellent": the open dashboard counts it live.
        (await Webhooks.PostWhatsAppAsync(WhatsAppPayloads.ChoiceReply("15550900001", "Rosa Rating", "csat:5", "5 · Excellent", list: true))).EnsureSuccessStatusCode();
        await Assertions.Expect(satisfaction).ToHaveTextAsync("100%");
        await Assertions.Expect(supervisor.Locator("[data-testid=report-distribution-bar][data-rating='5']").GetByTestId("report-distribution-count")).ToHaveTextAsync("1");
        await Assertions.Expect(supervisor.GetByTestId("report-card-response-rate").GetByTestId("report-card-value")).ToHaveTextAsync("100%");

        // Every figure leads to its conversations.
        await satisfaction.ClickAsync();
        var row = supervisor.GetByTestId("report-drill-row");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row).ToContainTextAsync("Rosa Rating");
        await Assertions.Expect(row.GetByTestId("report-drill-link")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex($"/conversations/{conversation}$"));
    }
}
