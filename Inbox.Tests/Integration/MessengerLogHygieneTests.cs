using Inbox.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Inbox.Tests.Integration;

/// <summary>Messenger's paths (webhook, profile lookup, attachment links, refused sends) keep patient data out of the logs.</summary>
public sealed class MessengerLogHygieneTests
{
    private sealed class App(string graphUrl) : InboxWebApplicationFactory(new Dictionary<string, string?> { ["Channels:Messenger:GraphApiBaseUrl"] = graphUrl })
    {
        public CapturingLoggerProvider Logs { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        }
    }

    [Fact]
    public async Task Text_names_psids_and_attachment_links_stay_out_of_the_logs()
    {
        const string psid = "6877712345678901";
        const string text = "PLANTED messenger symptom text";
        const string attachment = "https://scontent.xx.fbcdn.net/v/PLANTED-LINK.jpg?oh=secret";
        using var api = new FakeMessengerApi();
        api.AcceptAll();
        api.Profile(psid, 200, """{"first_name":"Zora","last_name":"Plantedname","profile_pic":"https://platform-lookaside.fbsbx.com/PLANTED-PIC","id":"6877712345678901"}""");
        using var app = new App(api.Url);
        var client = app.CreateClient();

        await client.PostMessengerAsync(MessengerPayloads.Text(psid, text));
        await client.PostMessengerAsync(MessengerPayloads.Attachment(psid, "image", attachment));
        await client.PostMessengerAsync(MessengerPayloads.Text(psid, text), signature: "sha256=" + new string('0', 64));
        await using (var db = app.CreateDbContext())
            await Eventually.TrueAsync(() => db.Contacts.AnyAsync(c => c.Name == "Zora Plantedname"), TimeSpan.FromSeconds(30), "the profile lookup named the patient");

        var planted = new[] { psid, "PLANTED", "Zora", "Plantedname", "oh=secret" };
        var leaks = app.Logs.Lines
            .Where(l => l.Level >= LogLevel.Information)
            .Where(l => planted.Any(p => l.Text.Contains(p, StringComparison.OrdinalIgnoreCase)))
            .Select(l => $"{l.Level} {l.Category}: {l.Text}")
            .ToList();
        Assert.True(app.Logs.Lines.Count(l => l.Level >= LogLevel.Information) > 3, "the scenario produced log lines to scan");
        Assert.Empty(leaks);
    }
}
