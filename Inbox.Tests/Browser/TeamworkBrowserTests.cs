using Inbox.Core.Staff;
using Inbox.Infrastructure.Identity;
using Inbox.Tests.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Inbox.Tests.Browser;

/// <summary>Two receptionists side by side in two browser contexts on one app: one assigns, the other's views and counts follow live.</summary>
public sealed class TeamworkBrowserTests(BrowserAppFixture fixture) : IClassFixture<BrowserAppFixture>
{
    private HttpClient Webhooks => new() { BaseAddress = fixture.BaseAddress };

    /// <summary>A second receptionist on the front desk team, with the demo password so the browser signs in as usual.</summary>
    private async Task<(string Id, string Email)> SecondReceptionistAsync()
    {
        var (email, _) = await StaffAccounts.AddAsync(fixture.App, StaffRole.Receptionist, "Dana Desk");
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var dana = (await users.FindByEmailAsync(email))!;
        await users.RemovePasswordAsync(dana);
        await users.AddPasswordAsync(dana, InboxWebApplicationFactory.DemoPassword);
        dana.MustChangePassword = false;
        await users.UpdateAsync(dana);
        await using var db = fixture.App.CreateDbContext();
        var team = await db.Teams.FirstAsync();
        team.AddMember(dana.Id);
        await db.SaveChangesAsync();
        return (dana.Id, email);
    }

    [Fact]
    public async Task One_receptionist_assigns_and_the_others_mine_view_and_counts_update_live()
    {
        var (danaId, danaEmail) = await SecondReceptionistAsync();
        (await Webhooks.PostWhatsAppAsync(WhatsAppPayloads.Text("15550500001", "Paulo Team", "Can someone call me back?"))).EnsureSuccessStatusCode();
        Guid conversation;
        await using (var db = fixture.App.CreateDbContext())
        {
            var contact = await Eventually.GetAsync(() => db.Contacts.AsNoTracking().FirstOrDefaultAsync(c => c.Phone == "+15550500001"), c => c is not null);
            conversation = (await db.Conversations.AsNoTracking().SingleAsync(c => c.ContactId == contact!.Id)).Id;
        }

        // Dana watches her own view.
        var dana = await fixture.SignInAsync(danaEmail);
        await Assertions.Expect(dana.GetByTestId("view-mine")).ToBeEnabledAsync();
        await dana.GetByTestId("view-mine").ClickAsync();
        await Assertions.Expect(dana.GetByTestId("view-mine")).ToHaveAttributeAsync("aria-pressed", "true");
        await Assertions.Expect(dana.GetByTestId("view-count-mine")).ToHaveTextAsync("0");
        await Assertions.Expect(dana.GetByTestId("view-count-unassigned")).ToHaveTextAsync("1");
        await Assertions.Expect(dana.GetByTestId("list-empty")).ToBeVisibleAsync();

        // Rita opens the thread and gives it to Dana.
        var rita = await fixture.SignInAsync(StaffSignIn.Receptionist, $"/conversations/{conversation}");
        await Assertions.Expect(rita.GetByTestId("composer-send")).ToBeEnabledAsync();
        await rita.GetByTestId("assign-menu").Locator("button").ClickAsync();
        await rita.Locator($"[data-testid=action-assign-person][data-staff-id='{danaId}']").ClickAsync();
        await Assertions.Expect(rita.GetByTestId("assign-menu")).ToContainTextAsync("Assigned to Dana Desk");
        await Assertions.Expect(rita.GetByTestId("thread")).ToContainTextAsync("Rita Reception assigned this to Dana Desk");

        // Dana's page follows without a reload: her count, the unassigned count and the row in her view.
        await Assertions.Expect(dana.GetByTestId("view-count-mine")).ToHaveTextAsync("1");
        await Assertions.Expect(dana.GetByTestId("view-count-unassigned")).ToHaveTextAsync("0");
        var row = dana.GetByTestId("conversation-row").Filter(new() { HasText = "Paulo Team" });
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Assertions.Expect(row).ToHaveAttributeAsync("data-unread", "true");

        // Rita resolves it: it leaves Dana's Mine view (Mine is open conversations) and the resolved count grows.
        await rita.GetByTestId("status-menu").Locator("button").ClickAsync();
        await rita.GetByTestId("action-resolve").ClickAsync();
        await Assertions.Expect(dana.GetByTestId("view-count-mine")).ToHaveTextAsync("0");
        await Assertions.Expect(dana.GetByTestId("view-count-resolved")).ToHaveTextAsync("1");
        await Assertions.Expect(row).ToHaveCountAsync(0);
    }
}
