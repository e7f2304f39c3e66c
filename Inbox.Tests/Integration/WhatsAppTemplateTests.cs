using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Inbox.Core.Conversations;
using Inbox.Core.Templates;
using Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Tests.Integration;

/// <summary>Outside the 24-hour window only an approved template goes out: through the API and the sender, to a fake Graph API.</summary>
public sealed class WhatsAppTemplateTests(WhatsAppTemplateTests.Fixture fixture) : IClassFixture<WhatsAppTemplateTests.Fixture>
{
    public sealed class Fixture : IDisposable
    {
        public FakeGraphApi Graph { get; } = new();
        public InboxWebApplicationFactory App { get; }

        public Fixture()
        {
            App = new InboxWebApplicationFactory(new Dictionary<string, string?> { ["Channels:WhatsApp:GraphApiBaseUrl"] = Graph.Url });
            Graph.AcceptAll();
            using var scope = App.Services.CreateScope();
            scope.ServiceProvider.GetRequiredService<ITemplateCatalogue>()
                .AddAsync(null, "appointment_reminder", "en_US", "Hello {{1}}, your appointment is on {{2}}. Reply to confirm.", default).GetAwaiter().GetResult();
        }

        public void Dispose()
        {
            App.Dispose();
            Graph.Dispose();
        }
    }

    private InboxWebApplicationFactory App => fixture.App;

    private async Task<Guid> PatientWhoWroteAsync(TimeSpan ago)
    {
        var waId = "1555030" + Random.Shared.Next(1000, 9999);
        (await App.CreateClient().PostWhatsAppAsync(WhatsAppPayloads.Text(waId, "Patient " + waId, "Hello", at: DateTimeOffset.UtcNow - ago))).EnsureSuccessStatusCode();
        await using var db = App.CreateDbContext();
        var contact = await Eventually.GetAsync(() => db.Contacts.AsNoTracking().FirstOrDefaultAsync(c => c.Phone == "+" + waId), c => c is not null);
        return (await db.Conversations.SingleAsync(c => c.ContactId == contact!.Id)).Id;
    }

    [Fact]
    public async Task After_the_window_text_is_refused_and_the_approved_template_is_sent_in_the_documented_shape()
    {
        var conversation = await PatientWhoWroteAsync(TimeSpan.FromHours(30));
        var api = App.CreateApiClient();

        var text = await api.PostAsJsonAsync($"/api/v1/conversations/{conversation}/messages", new { text = "Are you coming?" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, text.StatusCode);

        var template = await api.PostAsJsonAsync($"/api/v1/conversations/{conversation}/messages",
            new { templateName = "appointment_reminder", templateParameters = new[] { "Anna", "Thursday 10:30" } });
        Assert.Equal(HttpStatusCode.Accepted, template.StatusCode);
        var id = (await template.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        await using var db = App.CreateDbContext();
        var sent = await Eventually.GetAsync(() => db.Messages.AsNoTracking().FirstAsync(m => m.Id == id), m => m.Status == DeliveryStatus.Sent, because: "the template is accepted");
        Assert.Equal(MessageType.Template, sent.Type);
        Assert.Equal("Hello Anna, your appointment is on Thursday 10:30. Reply to confirm.", sent.Text);
        var body = fixture.Graph.SendBodies().Last(b => b.GetProperty("type").GetString() == "template");
        Assert.Equal("appointment_reminder", body.GetProperty("template").GetProperty("name").GetString());
        Assert.Equal("en_US", body.GetProperty("template").GetProperty("language").GetProperty("code").GetString());
        Assert.Contains("Thursday 10:30", body.GetProperty("template").GetProperty("components").GetRawText());
    }

    [Theory]
    [InlineData("appointment_reminder", new[] { "Anna" }, "templateParameters")]
    [InlineData("no_such_template", new[] { "Anna", "Monday" }, "templateName")]
    public async Task A_wrong_template_or_wrong_number_of_values_is_a_clear_400_and_nothing_is_queued(string name, string[] values, string field)
    {
        var conversation = await PatientWhoWroteAsync(TimeSpan.FromHours(30));

        var response = await App.CreateApiClient().PostAsJsonAsync($"/api/v1/conversations/{conversation}/messages", new { templateName = name, templateParameters = values });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
        await using var db = App.CreateDbContext();
        Assert.False(await db.Messages.AnyAsync(m => m.ConversationId == conversation && m.Direction == MessageDirection.Out));
    }

    [Fact]
    public async Task A_template_no_longer_offered_cannot_be_sent()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var catalogue = scope.ServiceProvider.GetRequiredService<ITemplateCatalogue>();
        var id = await catalogue.AddAsync(null, "paused_template", "en_US", "Hello {{1}}", default);
        await catalogue.SetActiveAsync(id, false, default);
        var conversation = await PatientWhoWroteAsync(TimeSpan.FromHours(30));

        Assert.DoesNotContain(await catalogue.ForConversationAsync(Inbox.Core.Teams.InboxScope.All, conversation, default), t => t.Name == "paused_template");
        var response = await App.CreateApiClient().PostAsJsonAsync($"/api/v1/conversations/{conversation}/messages", new { templateName = "paused_template", templateParameters = new[] { "Anna" } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
