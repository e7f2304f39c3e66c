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
}
