using Inbox.Core.Channels;
using Inbox.Core.Common;
using Inbox.Infrastructure.Channels.Accounts;
using Inbox.Infrastructure.Teams;
using Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Tests.Integration;

/// <summary>What the admin screens for channels and teams do, against a real database and the live account directory.</summary>
public sealed class ChannelAndTeamAdminTests(ChannelAndTeamAdminTests.App app) : IClassFixture<ChannelAndTeamAdminTests.App>
{
    public sealed class App : InboxWebApplicationFactory;

    private async Task<T> WithAsync<T, TService>(Func<TService, Task<T>> work) where TService : notnull
    {
        _ = app.Server;
        await using var scope = app.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<TService>());
    }

    [Fact]
    public async Task A_connected_account_is_served_at_once_and_stops_being_served_when_disconnected()
    {
        var number = Random.Shared.NextInt64(100_000_000_000_000, 999_999_999_999_999).ToString();
        var inbox = (await WithAsync<IReadOnlyList<InboxRow>, TeamAdmin>(t => t.InboxesAsync(default)))[0].Id;
        var id = await WithAsync<Guid, ChannelAccountAdmin>(a => a.ConnectAsync(ChannelKind.WhatsApp, "Branch", inbox, new Dictionary<string, string?>
        {
            ["PhoneNumberId"] = number, ["AppSecret"] = "branch-secret", ["VerifyToken"] = "branch-verify", ["AccessToken"] = "branch-token",
        }, default));

        var directory = app.Services.GetRequiredService<ChannelAccountDirectory>();
        Assert.Equal("branch-token", directory.Find(ChannelKind.WhatsApp, number)?.Find("AccessToken"));
        var handshake = await app.CreateClient().GetAsync("/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=branch-verify&hub.challenge=4242");
        Assert.Equal("4242", await handshake.Content.ReadAsStringAsync());

        await WithAsync<bool, ChannelAccountAdmin>(async a => { await a.SetConnectedAsync(id, false, default); return true; });
        Assert.Null(directory.Find(ChannelKind.WhatsApp, number));
        var rows = await WithAsync<IReadOnlyList<ChannelAccountRow>, ChannelAccountAdmin>(a => a.ListAsync(default));
        Assert.False(rows.Single(r => r.Id == id).Connected);
    }

    [Theory]
    [InlineData("", "secret", "Enter the Phone number id.")]
    [InlineData("109283746501928", "secret", "connected already")]
    [InlineData("109283746500001", "", "Enter the Meta app secret.")]
    public async Task Connecting_refuses_missing_settings_and_duplicates_with_a_clear_reason(string number, string secret, string reason)
    {
        var inbox = (await WithAsync<IReadOnlyList<InboxRow>, TeamAdmin>(t => t.InboxesAsync(default)))[0].Id;
        var error = await Assert.ThrowsAsync<InboxDomainException>(() => WithAsync<Guid, ChannelAccountAdmin>(a => a.ConnectAsync(ChannelKind.WhatsApp, "X", inbox,
            new Dictionary<string, string?> { ["PhoneNumberId"] = number, ["AppSecret"] = secret, ["VerifyToken"] = "v", ["AccessToken"] = "t" }, default)));
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public async Task A_team_gets_members_and_inboxes_and_loses_them_again()
    {
        var inboxId = await WithAsync<Guid, TeamAdmin>(t => t.CreateInboxAsync("Dental " + Guid.NewGuid().ToString("N")[..6], default));
        var teamId = await WithAsync<Guid, TeamAdmin>(t => t.CreateTeamAsync("Dentists " + Guid.NewGuid().ToString("N")[..6], default));
        var staff = await WithAsync<IReadOnlyList<StaffOption>, TeamAdmin>(t => t.StaffAsync(default));
        var agent = staff.Single(s => s.Email == StaffSignIn.Agent).Id;

        await WithAsync<bool, TeamAdmin>(async t => { await t.UpdateTeamAsync(teamId, [agent], [inboxId], default); return true; });
        var scope = await WithAsync<Inbox.Core.Teams.InboxScope, InboxScopes>(s => s.ForStaffAsync(agent, false, default));
        Assert.True(scope.Allows(inboxId));

        await WithAsync<bool, TeamAdmin>(async t => { await t.UpdateTeamAsync(teamId, [], [inboxId], default); return true; });
        scope = await WithAsync<Inbox.Core.Teams.InboxScope, InboxScopes>(s => s.ForStaffAsync(agent, false, default));
        Assert.False(scope.Allows(inboxId));
        await Assert.ThrowsAsync<InboxDomainException>(() => WithAsync<Guid, TeamAdmin>(t => t.CreateTeamAsync(DefaultWorkspace.TeamName, default)));
    }
}
