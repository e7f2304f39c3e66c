using System.Net;
using System.Net.Http.Json;
using Inbox.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Inbox.Tests.Integration;

/// <summary>Patient data never reaches the logs at Information or above: plant known values, use the app, scan.</summary>
public sealed class LogHygieneTests
{
    private sealed class App : InboxWebApplicationFactory
    {
        public CapturingLoggerProvider Logs { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        }
    }

    [Fact]
    public async Task Names_phone_numbers_and_message_text_stay_out_of_the_logs()
    {
        const string name = "Zelda Plantedname";
        const string waId = "15557770123";
        const string inboundText = "PLANTED inbound symptom text";
        const string replyText = "PLANTED reply text";
        using var app = new App();
        var client = app.CreateClient();

        // Inbound, a duplicate, a bad signature and malformed JSON: each path logs something.
        var body = WhatsAppPayloads.Text(waId, name, inboundText);
        await client.PostWhatsAppAsync(body);
        await client.PostWhatsAppAsync(body);
        await client.PostWhatsAppAsync(body, "sha256=" + new string('0', 64));
        await client.PostWhatsAppAsync(body[..^5]);
        var conversation = await app.ReceiveWhatsAppAsync(waId, name, inboundText + " again");
        // A reply the (unreachable) platform will not take: the outbound queue logs its retries.
        var api = app.CreateApiClient();
        var reply = await api.PostAsJsonAsync($"/api/v1/conversations/{conversation}/messages", new { text = replyText });
        Assert.Equal(HttpStatusCode.Accepted, reply.StatusCode);
        await api.GetOkAsync($"/api/v1/conversations/{conversation}/messages");
        await api.GetOkAsync($"/api/v1/contacts?query=Zelda");
        await using (var db = app.CreateDbContext())
            await Eventually.TrueAsync(() => db.Messages.AnyAsync(m => m.Text == replyText && m.SendAttempts > 0), because: "the reply was tried");
        var staff = await StaffSignIn.SignedInClientAsync(app, StaffSignIn.Receptionist);
        Assert.Equal(HttpStatusCode.OK, (await staff.GetAsync($"/conversations/{conversation}")).StatusCode);

        var planted = new[] { name, "Zelda", "Plantedname", waId, "+" + waId, "PLANTED" };
        var leaks = app.Logs.Lines
            .Where(l => l.Level >= LogLevel.Information)
            .Where(l => planted.Any(p => l.Text.Contains(p, StringComparison.OrdinalIgnoreCase)))
            .Select(l => $"{l.Level} {l.Category}: {l.Text}")
            .ToList();
        Assert.True(app.Logs.Lines.Count(l => l.Level >= LogLevel.Information) > 5, "the scenario produced log lines to scan");
        Assert.Empty(leaks);
    }
}
