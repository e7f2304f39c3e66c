using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Infrastructure.Channels.WhatsApp;
using Inbox.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Inbox.Tests.Channels.WhatsApp;

/// <summary>Every documented inbound message type, read from the project's fixtures into the normalized fields.</summary>
public sealed class WhatsAppMessageTypesTests
{
    private static readonly WhatsAppAdapter Adapter = new(new HttpClient(), new TestOptions<WhatsAppOptions>(new WhatsAppOptions()),
        new StaticChannelAccounts(StaticChannelAccounts.Account(ChannelKind.WhatsApp, "109283746501928", ("AppSecret", "s"))),
        NullLogger<WhatsAppAdapter>.Instance);

    private static InboundEvent Single(string file) => Assert.Single(Adapter.Parse(Fixtures.Bytes("whatsapp/" + file)));

    private static InboundMessage Message(string file) => Assert.IsType<InboundMessage>(Single(file));

    [Fact]
    public void An_image_carries_its_media_id_type_checksum_and_caption()
    {
        var message = Message("whatsapp-inbound-image.json");

        Assert.Equal(MessageType.Image, message.Type);
        Assert.Equal("Photo of the referral letter", message.Text);
        Assert.Equal(new InboundMedia("1187432095561203", "image/jpeg", null, "q8Fv1Zb0Cw0o3Gk7v2bF0xJYl9dQm1s4aT8nR6uE2pI=", "Photo of the referral letter"), message.Media);
    }

    [Fact]
    public void A_document_keeps_the_patients_file_name_and_shows_its_caption()
    {
        var message = Message("whatsapp-inbound-document.json");

        Assert.Equal(MessageType.Document, message.Type);
        Assert.Equal("Lab results", message.Text);
        Assert.Equal("lab-results.pdf", message.Media!.FileName);
        Assert.Equal("application/pdf", message.Media.MimeType);
        Assert.Equal("Zx3kP0cT7mWq2Lr9bV5nH1yA8sD4fG6jK0lQ2wE3rT4=", message.Media.Sha256);
    }

    [Fact]
    public void A_voice_note_is_flagged_as_voice_and_an_audio_file_is_not()
    {
        var voice = Message("whatsapp-inbound-audio-voice.json");
        var file = Message("whatsapp-inbound-audio-file.json");

        Assert.Equal(MessageType.Audio, voice.Type);
        Assert.True(voice.Media!.IsVoice);
        Assert.Equal("audio/ogg; codecs=opus", voice.Media.MimeType);
        Assert.Equal("3348201957730112", voice.Media.ProviderMediaId);
        Assert.Equal(MessageType.Audio, file.Type);
        Assert.False(file.Media!.IsVoice);
        Assert.Equal("audio/mpeg", file.Media.MimeType);
    }

    [Fact]
    public void A_video_and_a_sticker_are_media_too()
    {
        var video = Message("whatsapp-inbound-video.json");
        var sticker = Message("whatsapp-inbound-sticker.json");

        Assert.Equal(MessageType.Video, video.Type);
        Assert.Equal("How the swelling looks when I walk", video.Media!.Caption);
        Assert.Equal("video/mp4", video.Media.MimeType);
        Assert.Equal(MessageType.Sticker, sticker.Type);
        Assert.Equal("6630215948372015", sticker.Media!.ProviderMediaId);
        Assert.Equal("image/webp", sticker.Media.MimeType);
        Assert.Null(sticker.Text);
    }

    [Fact]
    public void A_shared_place_has_coordinates_and_its_name_and_address_as_the_preview()
    {
        var message = Message("whatsapp-inbound-location.json");

        Assert.Equal(MessageType.Location, message.Type);
        Assert.Equal(new MessageLocation(13.7462411, 100.5347287, "Lumpini Park", "Rama IV Rd, Pathum Wan, Bangkok 10330"), message.Location);
        Assert.Equal("Lumpini Park · Rama IV Rd, Pathum Wan, Bangkok 10330", message.Text);
        Assert.Null(message.Media);
    }

    [Fact]
    public void Shared_contact_cards_are_listed_with_their_phones()
    {
        var message = Message("whatsapp-inbound-contacts.json");

        Assert.Equal(MessageType.Contacts, message.Type);
        Assert.Collection(message.Contacts!,
            maria =>
            {
                Assert.Equal("Maria Rivera", maria.Name);
                Assert.Equal(["+1 555-010-7799", "+1 555-010-7700"], maria.Phones);
            },
            sam =>
            {
                Assert.Equal("Sam Rivera", sam.Name);
                Assert.Equal(["+15550107711"], sam.Phones);
            });
        Assert.Equal("Maria Rivera, Sam Rivera", message.Text);
    }

    [Theory]
    [InlineData("whatsapp-inbound-button-reply.json", "confirm-appointment", "Confirm", "wamid.HBgLMTU1NTAxMDc3ODgVAgARGBI0QkQ4MkU3RjFBM0M5NjA1REUA")]
    [InlineData("whatsapp-inbound-list-reply.json", "slot-2026-06-03-0930", "Wed 3 Jun, 09:30", "wamid.HBgLMTU1NTAxMDc3ODgVAgARGBI5QTFGMkI3RTQ0QzgwRDZFMjMA")]
    [InlineData("whatsapp-inbound-template-button.json", "RESCHEDULE:appt-20417", "Reschedule", "wamid.HBgLMTU1NTAxMDc3ODgVAgARGBIxQzJEM0U0RjVBNkI3QzhEOUUA")]
    public void A_tap_on_a_button_list_row_or_template_button_is_an_interactive_choice(string file, string id, string title, string repliesTo)
    {
        var message = Message(file);

        Assert.Equal(MessageType.Interactive, message.Type);
        Assert.Equal(new InboundChoice(id, title), message.Choice);
        Assert.Equal(title, message.Text);
        Assert.Equal(repliesTo, message.ReplyToProviderMessageId);
    }

    [Fact]
    public void A_quoted_reply_names_the_message_it_answers()
    {
        var message = Message("whatsapp-inbound-text-reply.json");

        Assert.Equal(MessageType.Text, message.Type);
        Assert.Equal("wamid.HBgLMTU1NTAxMDc3ODgVAgARGBI0QkQ4MkU3RjFBM0M5NjA1REUA", message.ReplyToProviderMessageId);
        Assert.Null(Message("whatsapp-inbound-text.json").ReplyToProviderMessageId);
    }

    [Fact]
    public void A_reaction_is_a_reaction_on_its_target_not_a_message()
    {
        var reaction = Assert.IsType<InboundReaction>(Single("whatsapp-inbound-reaction.json"));

        Assert.Equal("wamid.HBgLMTU1NTAxMDc3ODgVAgARGBI0QkQ4MkU3RjFBM0M5NjA1REUA", reaction.TargetProviderMessageId);
        Assert.Equal("\U0001F44D", reaction.Emoji);
        Assert.Equal("US.1358024679135802467", reaction.Sender.ExternalId);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1780305200), reaction.Timestamp);
    }

    [Fact]
    public void An_empty_reaction_emoji_means_the_reaction_was_removed()
    {
        var reaction = Assert.IsType<InboundReaction>(Single("whatsapp-inbound-reaction-removed.json"));

        Assert.Null(reaction.Emoji);
    }

    [Theory]
    [InlineData("whatsapp-inbound-unsupported.json", "does not pass on to businesses")]
    [InlineData("whatsapp-inbound-file-too-large.json", "too large")]
    public void A_message_whatsapp_could_not_pass_on_tells_staff_what_happened(string file, string explanation)
    {
        var message = Message(file);

        Assert.Equal(MessageType.Unsupported, message.Type);
        Assert.Contains(explanation, message.Text);
        Assert.Contains("Ask them", message.Text);
        Assert.Null(message.Media);
    }

    [Fact]
    public void An_unknown_type_without_errors_is_unsupported_with_a_generic_explanation()
    {
        var body = Fixtures.Text("whatsapp/whatsapp-inbound-text.json").Replace("\"type\": \"text\"", "\"type\": \"order\"");

        var message = Assert.IsType<InboundMessage>(Assert.Single(Adapter.Parse(System.Text.Encoding.UTF8.GetBytes(body))));

        Assert.Equal(MessageType.Unsupported, message.Type);
        Assert.Contains("cannot show", message.Text);
    }
}
