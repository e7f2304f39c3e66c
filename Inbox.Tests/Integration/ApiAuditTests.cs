using System.Collections.Concurrent;
using Inbox.Core.Audit;
using Inbox.Tests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Inbox.Tests.Integration;

public sealed class ApiAuditTests(ApiAuditTests.App app) : IClassFixture<ApiAuditTests.App>
{
    public sealed class App : InboxWebApplicationFactory
    {
        public RecordingAuditTrail Audit { get; } = new();

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(s => s.Replace(ServiceDescriptor.Singleton<IAuditTrail>(Audit)));
        }
    }

    public sealed class RecordingAuditTrail : IAuditTrail
    {
        public ConcurrentQueue<AuditEntry> Entries { get; } = new();

        public Task RecordAsync(IReadOnlyCollection<AuditEntry> entries, CancellationToken ct)
        {
            foreach (var e in entries) Entries.Enqueue(e);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task Reading_a_conversation_and_its_messages_is_audited_with_the_key_as_actor()
    {
        var id = await app.ReceiveWhatsAppAsync("15550600001", "Rosa Diaz", "Hi");
        var api = app.CreateApiClient();

        await api.GetOkAsync($"/api/v1/conversations/{id}");
        await api.GetOkAsync($"/api/v1/conversations/{id}/messages");
        await api.GetOkAsync("/api/v1/conversations");

        var mine = app.Audit.Entries.Where(e => e.SubjectId == id.ToString()).ToList();
        Assert.Equal(["conversation.read", "conversation.messages.read", "conversation.list"], mine.Select(e => e.Action));
        Assert.All(mine, e => Assert.Equal(new AuditActor("apiKey", "api-key:development", "development"), e.Actor));
    }
}
