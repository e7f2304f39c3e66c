using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Inbox.Core.Audit;
using Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Inbox.Tests.Browser;

/// <summary>The screens each role may or may not open: reports, the audit log and the API keys admin, in a real browser.</summary>
public sealed class StaffScreensBrowserTests(BrowserAppFixture fixture) : IClassFixture<BrowserAppFixture>
{
    [Fact]
    public async Task A_receptionist_gets_access_denied_for_reports_and_no_reports_link()
    {
        var page = await fixture.SignInAsync(StaffSignIn.Receptionist);
        await Assertions.Expect(page.GetByTestId("conversation-list")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("nav-reports")).ToHaveCountAsync(0);

        await page.GotoAsync("/reports");

        await Assertions.Expect(page.GetByTestId("access-denied")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("report-figures")).ToHaveCountAsync(0);
        await Assertions.Expect(page.GetByTestId("nav-reports")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task A_supervisor_sees_todays_figures_and_their_own_sign_in_in_an_intact_audit_log()
    {
        using (var webhooks = new HttpClient { BaseAddress = fixture.BaseAddress })
            (await webhooks.PostWhatsAppAsync(WhatsAppPayloads.Text("15550400001", "Report Patient", "Is the clinic open today?"))).EnsureSuccessStatusCode();
        await using (var db = fixture.App.CreateDbContext())
            await Eventually.TrueAsync(() => db.Contacts.AnyAsync(c => c.Phone == "+15550400001"), because: "the message is stored");

        var page = await fixture.SignInAsync(StaffSignIn.Supervisor, "/reports");
        await Assertions.Expect(page.GetByTestId("report-messages-in").GetByTestId("report-value")).ToHaveTextAsync(new Regex("^[1-9]"));
        await Assertions.Expect(page.GetByTestId("report-open-conversations").GetByTestId("report-value")).ToHaveTextAsync(new Regex("^[1-9]"));
        await Assertions.Expect(page.GetByTestId("report-messages-out").GetByTestId("report-value")).ToHaveTextAsync(new Regex("^[0-9]"));

        await page.GetByTestId("nav-audit").ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/audit$"));
        var ownSignIn = page.Locator($"[data-testid=audit-row][data-action='{AuditActions.SignInSucceeded}']").Filter(new() { HasText = StaffSignIn.Supervisor });
        await Assertions.Expect(ownSignIn.First).ToBeVisibleAsync();
        await Assertions.Expect(ownSignIn.First).ToContainTextAsync("Signed in");

        await page.GetByTestId("audit-verify").ClickAsync();
        var result = page.GetByTestId("audit-verify-result");
        await Assertions.Expect(result).ToHaveAttributeAsync("data-intact", "true");
        await Assertions.Expect(result).ToContainTextAsync(new Regex(@"Chain intact \([\d,]+ entr(y|ies)\)"));
    }

    [Fact]
    public async Task An_admin_creates_a_key_shown_once_that_works_then_revokes_it_and_both_are_audited()
    {
        var page = await fixture.SignInAsync(StaffSignIn.Admin, "/admin/api-keys");

        await page.GetByTestId("apikey-new").ClickAsync();
        await page.GetByTestId("apikey-name").FillAsync("Browser test sync");
        await page.GetByTestId("apikey-create").ClickAsync();
        var secretField = page.GetByTestId("apikey-secret");
        await Assertions.Expect(secretField).ToHaveValueAsync(new Regex("^ibx_"));
        var secret = await secretField.InputValueAsync();
        await page.GetByTestId("apikey-done").ClickAsync();

        var row = page.Locator("[data-testid=apikey-row][data-key-name='Browser test sync']");
        await Assertions.Expect(row).ToHaveAttributeAsync("data-revoked", "false");
        await Assertions.Expect(row).ToContainTextAsync("Agent");
        using var api = new HttpClient { BaseAddress = fixture.BaseAddress };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/v1/conversations")).StatusCode);

        await row.GetByTestId("apikey-revoke").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke key" }).ClickAsync();

        await Assertions.Expect(row).ToHaveAttributeAsync("data-revoked", "true");
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/v1/conversations")).StatusCode);
        await using var db = fixture.App.CreateDbContext();
        var key = await db.ApiKeys.AsNoTracking().SingleAsync(k => k.Name == "Browser test sync");
        var actions = await db.AuditLog.AsNoTracking().Where(a => a.SubjectType == AuditSubjects.ApiKey && a.SubjectId == key.Id.ToString())
            .OrderBy(a => a.Id).Select(a => new { a.Action, a.ActorName }).ToListAsync();
        Assert.Equal([AuditActions.ApiKeyCreate, AuditActions.ApiKeyRevoke], actions.Select(a => a.Action));
        Assert.All(actions, a => Assert.Equal("Ada Admin", a.ActorName));
    }

    [Fact]
    public async Task Opening_a_conversation_records_one_reading_not_one_per_render()
    {
        using (var webhooks = new HttpClient { BaseAddress = fixture.BaseAddress })
            (await webhooks.PostWhatsAppAsync(WhatsAppPayloads.Text("15550400002", "Audit Once", "Hello"))).EnsureSuccessStatusCode();
        Guid conversation;
        await using (var db = fixture.App.CreateDbContext())
        {
            var contact = await Eventually.GetAsync(() => db.Contacts.AsNoTracking().FirstOrDefaultAsync(c => c.Phone == "+15550400002"), c => c is not null);
            conversation = (await db.Conversations.AsNoTracking().SingleAsync(c => c.ContactId == contact!.Id)).Id;
        }

        // The page is prerendered, then rendered again over the circuit: one opening all the same.
        var page = await fixture.SignInAsync(StaffSignIn.Agent, $"/conversations/{conversation}");
        // The composer appears once the reading is recorded, and its button is enabled once the circuit runs.
        await Assertions.Expect(page.GetByTestId("composer-send")).ToBeEnabledAsync();

        await using var check = fixture.App.CreateDbContext();
        var reads = await check.AuditLog.AsNoTracking()
            .Where(a => a.Action == AuditActions.ConversationRead && a.SubjectId == conversation.ToString()).CountAsync();
        Assert.Equal(1, reads);
    }

    [Fact]
    public async Task The_screens_run_within_the_content_security_policy_without_serious_accessibility_problems()
    {
        var page = await fixture.SignInAsync(StaffSignIn.Admin);
        var violations = new List<string>();
        page.Console += (_, message) => { if (message.Text.Contains("Content Security Policy")) violations.Add(message.Text); };

        foreach (var (path, ready) in new[] { ("/reports", "report-figures"), ("/audit", "audit-row"), ("/admin/api-keys", "apikey-new") })
        {
            await page.GotoAsync(path);
            await Assertions.Expect(page.GetByTestId(ready).First).ToBeVisibleAsync();
            await page.WaitForFunctionAsync("() => document.querySelector('[data-testid=signed-in-user]') !== null");

            var axe = await page.RunAxe();
            var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{path} {v.Id}: {v.Help} ({string.Join(", ", v.Nodes.Select(n => n.Html))})");
            Assert.Empty(serious);
        }
        Assert.Empty(violations);
    }
}
