using System.Net;
using Inbox.Core.Conversations;
using Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Tests.Integration;

public sealed class WhatsAppWebhookTests(WhatsAppWebhookTests.App app) : IClassFixture<WhatsAppWebhookTests.App>
{
    public sealed class App : InboxWebApplicationFactory;

    [Fact]
    public async Task Signed_fixture_message_becomes_a_contact_a_conversation_and_a_message()
    {
        var client = app.CreateClient();
        var response = await client.PostWhatsAppAsync(Fixtures.Bytes("whatsapp/whatsapp-inbound-text.json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = app.CreateDbContext();
        var message = await Eventually.GetAsync(
            () => db.Messages.AsNoTracking().FirstOrDefaultAsync(m => m.ProviderMessageId == "wamid.HBgLMTU1NTAxMDc3ODgVAgASGBQzQTdGMkU5QjQxQzA4RDZBMTIzNAA="),
            m => m is not null);
        Assert.Equal("Hello, I would like to book a check-up next week.", message!.Text);
        var contact = await db.Contacts.Include(c => c.Identities).SingleAsync(c => c.Identities.Any(i => i.ExternalId == "US.1358024679135802467"));
        Assert.Equal("Alex Rivera", contact.Name);
        Assert.Equal("+15550107788", contact.Phone);
        var conversation = await db.Conversations.SingleAsync(c => c.ContactId == contact.Id);
        Assert.Equal(1, conversation.UnreadCount);
        Assert.Equal(ConversationStatus.Open, conversation.Status);
    }
}
