using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Tests.Integration;

/// <summary>Every kind of WhatsApp message, posted signed through the real webhook route, stored with its content.</summary>
public sealed class WhatsAppMessageKindsTests(WhatsAppMessageKindsTests.App app) : IClassFixture<WhatsAppMessageKindsTests.App>
{
    public sealed class App : InboxWebApplicationFactory;

    private async Task<Message> StoredAsync(string fixture, string wamid)
    {
        (await app.CreateClient().PostWhatsAppAsync(Fixtures.Bytes("whatsapp/" + fixture))).EnsureSuccessStatusCode();
        await using var db = app.CreateDbContext();
        return (await Eventually.GetAsync(() => db.Messages.AsNoTracking().FirstOrDefaultAsync(m => m.ProviderMessageId == wamid), m => m is not null))!;
    }

    [Fact]
    public async Task A_shared_place_a_contact_card_and_a_button_tap_are_stored_with_their_content()
    {
        var place = await StoredAsync("whatsapp-inbound-location.json", "wamid.HBgLMTU1NTAxMDc3ODgVAgASGBQzRDAyQTU0QjdDOEU5MUYzMDQ1NgA=");
        var card = await StoredAsync("whatsapp-inbound-contacts.json", "wamid.HBgLMTU1NTAxMDc3ODgVAgASGBQzRDlBM0IxQzRFNjIwRjhEMzQ1MQA=");
        var tap = await StoredAsync("whatsapp-inbound-button-reply.json", "wamid.HBgLMTU1NTAxMDc3ODgVAgASGBQzRTFCOUE3QzRGMjA1RDg4NjEyQwA=");

        Assert.Equal(MessageType.Location, place.Type);
        Assert.Equal(new MessageLocation(13.7462411, 100.5347287, "Lumpini Park", "Rama IV Rd, Pathum Wan, Bangkok 10330"), place.Location);
        Assert.Equal(MessageType.Contacts, card.Type);
        Assert.Equal(["Maria Rivera", "Sam Rivera"], card.Extras!.Contacts!.Select(c => c.Name));
        Assert.Equal(MessageType.Interactive, tap.Type);
        Assert.Equal(new InboundChoice("confirm-appointment", "Confirm"), tap.Extras!.Chosen);
        Assert.Equal("wamid.HBgLMTU1NTAxMDc3ODgVAgARGBI0QkQ4MkU3RjFBM0M5NjA1REUA", tap.ReplyToProviderMessageId);
    }

    [Fact]
    public async Task A_photo_is_stored_pending_download_with_what_whatsapp_said_about_it()
    {
        var photo = await StoredAsync("whatsapp-inbound-image.json", "wamid.HBgLMTU1NTAxMDc3ODgVAgASGBQzQTlDNUQxRTc3QjIwRjQ4OTk4MQA=");

        Assert.Equal(MessageType.Image, photo.Type);
        Assert.Equal("1187432095561203", photo.MediaId);
        Assert.Equal("image/jpeg", photo.MediaMimeType);
        Assert.Equal("Photo of the referral letter", photo.MediaCaption);
        // This app has no fake Graph API: the attachment stays pending (or is retried), never stored.
        Assert.NotEqual(MediaState.Stored, photo.MediaState);
    }

    [Fact]
    public async Task A_reaction_lands_on_the_message_it_reacts_to_and_an_empty_one_takes_it_back()
    {
        const string target = "wamid.HBgLMTU1NTAxMDc3ODgVAgARGBI0QkQ4MkU3RjFBM0M5NjA1REUA";
        var client = app.CreateClient();
        (await client.PostWhatsAppAsync(WhatsAppPayloads.Text("15550107788", "Alex Rivera", "Thanks!", wamid: target))).EnsureSuccessStatusCode();
        await using var db = app.CreateDbContext();
        await Eventually.TrueAsync(() => db.Messages.AnyAsync(m => m.ProviderMessageId == target));

        (await client.PostWhatsAppAsync(Fixtures.Bytes("whatsapp/whatsapp-inbound-reaction.json"))).EnsureSuccessStatusCode();
        await Eventually.TrueAsync(() => db.Messages.AnyAsync(m => m.ProviderMessageId == target && m.PatientReaction == "\U0001F44D"), because: "the thumbs-up is applied");
        (await client.PostWhatsAppAsync(Fixtures.Bytes("whatsapp/whatsapp-inbound-reaction-removed.json"))).EnsureSuccessStatusCode();
        await Eventually.TrueAsync(() => db.Messages.AnyAsync(m => m.ProviderMessageId == target && m.PatientReaction == null), because: "the reaction is taken back");

        Assert.False(await db.Messages.AnyAsync(m => m.ProviderMessageId == "wamid.HBgLMTU1NTAxMDc3ODgVAgASGBQzRTBCNEMyRDVGNzMxMDlFNDU2MgA="), "a reaction is not a message");
    }
}
