using System.Text;
using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Infrastructure.Channels.Messenger;
using Inbox.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Inbox.Tests.Channels.Messenger;

public sealed class MessengerAdapterInboundTests
{
    private const string Secret = "fake-app-secret-for-tests-only";
    private const string Page = "104857293847561";
    private const string Psid = "6843210987654321";

    private static readonly MessengerAdapter Adapter = new(new HttpClient(), new TestOptions<MessengerOptions>(new MessengerOptions()),
        new StaticChannelAccounts(
            StaticChannelAccounts.Account(ChannelKind.Messenger, Page, ("AppSecret", Secret), ("VerifyToken", "page-token-one")),
            StaticChannelAccounts.Account(ChannelKind.Messenger, "205968304958672", ("AppSecret", "second-app-secret"), ("VerifyToken", "page-token-two"))),
        NullLogger<MessengerAdapter>.Instance);

    private static IReadOnlyList<InboundEvent> Parse(string fixture) => Adapter.Parse(Fixtures.Bytes("messenger/" + fixture));

    private static IReadOnlyList<InboundEvent> ParseJson(string json) => Adapter.Parse(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void The_documented_signature_of_the_fixture_is_accepted()
    {
        var body = Fixtures.Bytes("messenger/messenger-inbound-text.json");
        Assert.Equal(541, body.Length);
        Assert.True(Adapter.IsSignatureValid(body, "sha256=2afa04c37db4896a36d2b3fbbc71c49a40a17c075917e501aa7bfeff9e7ad985"));
        Assert.True(Adapter.IsSignatureValid("{\"object\":\"page\",\"entry\":[]}"u8, "sha256=09b13ae005741ef5b8101cc871c38db1fc231f5ea368c7a2777fe41b97f1c802"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sha256=")]
    [InlineData("sha1=2afa04c37db4896a36d2b3fbbc71c49a40a17c075917e501aa7bfeff9e7ad985")]
    [InlineData("sha256=2afa04c37db4896a36d2b3fbbc71c49a40a17c075917e501aa7bfeff9e7ad986")]
    [InlineData("sha256=2afa04c37db4896a36d2b3fbbc71c49a40a17c075917e501aa7bfeff9e7ad98")]
    public void A_missing_or_wrong_signature_is_refused(string? header) =>
        Assert.False(Adapter.IsSignatureValid(Fixtures.Bytes("messenger/messenger-inbound-text.json"), header));

    [Fact]
    public void A_body_changed_after_signing_is_refused()
    {
        var body = Fixtures.Bytes("messenger/messenger-inbound-text.json");
        body[^3] = (byte)' ';
        Assert.False(Adapter.IsSignatureValid(body, "sha256=2afa04c37db4896a36d2b3fbbc71c49a40a17c075917e501aa7bfeff9e7ad985"));
    }

    [Fact]
    public void The_signature_is_checked_over_the_escaped_bytes_as_sent_not_over_reserialized_json()
    {
        const string meta = "sha256=041165e046aaf2753bd45492ebd95c3323b679cf649545d0bd83995d1850def3";
        Assert.True(Adapter.IsSignatureValid("{\"text\":\"\\u0e2a\\u0e27\\u0e31\\u0e2a\\u0e14\\u0e35\"}"u8, meta));
        Assert.False(Adapter.IsSignatureValid("{\"text\":\"สวัสดี\"}"u8, meta));
    }

    [Fact]
    public void A_body_signed_with_the_secret_of_another_connected_pages_app_is_accepted()
    {
        var body = Encoding.UTF8.GetBytes(MessengerPayloads.Text(Psid, "hi", page: "205968304958672"));
        Assert.True(Adapter.IsSignatureValid(body, SignedWebhooks.MetaSignature(body, "second-app-secret")));
        Assert.False(Adapter.IsSignatureValid(body, SignedWebhooks.MetaSignature(body, "not-a-connected-secret")));
    }

    [Fact]
    public void The_handshake_echoes_the_challenge_for_any_pages_verify_token()
    {
        Assert.Equal("1158201444", Adapter.AnswerHandshake("subscribe", "page-token-one", "1158201444"));
        Assert.Equal("77", Adapter.AnswerHandshake("subscribe", "page-token-two", "77"));
        Assert.Null(Adapter.AnswerHandshake("subscribe", "wrong", "1158201444"));
        Assert.Null(Adapter.AnswerHandshake("unsubscribe", "page-token-one", "1158201444"));
    }

    [Fact]
    public void A_text_message_is_read_with_its_sender_keyed_on_the_psid()
    {
        var message = Assert.IsType<InboundMessage>(Assert.Single(Parse("messenger-inbound-text.json")));

        Assert.Equal(ChannelKind.Messenger, message.Channel);
        Assert.Equal(Page, message.AccountId);
        Assert.Equal(Psid, message.Sender.ExternalId);
        Assert.Null(message.Sender.DisplayName);
        Assert.Null(message.Sender.Phone);
        Assert.Equal("m_Ae7wZQ2Tq0cWb9xK4rS1yLmN3pV8uH6jD5fG0tR2eC1kB7nM4xZ9qW3sY8vU6", message.ProviderMessageId);
        Assert.Equal(MessageType.Text, message.Type);
        Assert.Equal("Do you have any openings for a blood test tomorrow?", message.Text);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1780306200123), message.Timestamp);
    }

    [Fact]
    public void An_image_is_read_as_media_whose_id_is_the_attachment_url()
    {
        var message = Assert.IsType<InboundMessage>(Assert.Single(Parse("messenger-inbound-image.json")));

        Assert.Equal(MessageType.Image, message.Type);
        Assert.StartsWith("https://scontent.xx.fbcdn.net/v/t1.15752-9/", message.Media!.ProviderMediaId);
        Assert.EndsWith("oe=6A000000", message.Media.ProviderMediaId);
    }

    [Theory]
    [InlineData("video", MessageType.Video)]
    [InlineData("audio", MessageType.Audio)]
    [InlineData("file", MessageType.Document)]
    [InlineData("sticker", MessageType.Sticker)]
    [InlineData("image", MessageType.Image)]
    public void Every_attachment_type_is_read_with_its_url(string type, MessageType expected)
    {
        const string url = "https://cdn.fbsbx.com/v/t59/report%20march.pdf?oh=x";
        var message = Assert.IsType<InboundMessage>(Assert.Single(ParseJson(MessengerPayloads.Attachment(Psid, type, url))));

        Assert.Equal(expected, message.Type);
        Assert.Equal(url, message.Media!.ProviderMediaId);
        if (expected == MessageType.Document) Assert.Equal("report march.pdf", message.Media.FileName);
    }

    [Fact]
    public void An_image_with_a_sticker_id_is_a_sticker()
    {
        var message = Assert.IsType<InboundMessage>(Assert.Single(ParseJson(MessengerPayloads.Attachment(Psid, "image", "https://scontent.xx.fbcdn.net/s.png", stickerId: 369239263222822))));
        Assert.Equal(MessageType.Sticker, message.Type);
    }

    [Fact]
    public void A_quick_reply_tap_is_an_interactive_message_with_the_payload_as_choice()
    {
        var message = Assert.IsType<InboundMessage>(Assert.Single(Parse("messenger-inbound-quick-reply.json")));

        Assert.Equal(MessageType.Interactive, message.Type);
        Assert.Equal("Morning", message.Text);
        Assert.Equal(new InboundChoice("SLOT_PREF:MORNING", "Morning"), message.Choice);
        Assert.Equal("m_Bf8xAR3Ur1dXc0yL5sT2zMnO4qW9vI7kE6gH1uS3fD2lC8oN5yA0rX4tZ9wV7", message.ProviderMessageId);
    }

    [Fact]
    public void A_postback_is_an_interactive_message_deduplicated_by_its_mid()
    {
        var message = Assert.IsType<InboundMessage>(Assert.Single(Parse("messenger-postback.json")));

        Assert.Equal(MessageType.Interactive, message.Type);
        Assert.Equal("Book an appointment", message.Text);
        Assert.Equal(new InboundChoice("MENU:BOOK_APPOINTMENT", "Book an appointment"), message.Choice);
        Assert.Equal("m_Dh0zCT5Wt3fZe2aN7uV4bOpQ6sY1xK9mG8iJ3wU5hF4nE0qP7aC2tZ6vB1yX9", message.ProviderMessageId);
    }

    [Fact]
    public void A_postback_without_a_mid_gets_a_key_that_is_the_same_on_redelivery_and_differs_per_tap()
    {
        var at = DateTimeOffset.FromUnixTimeMilliseconds(1780306380012);
        var body = MessengerPayloads.Postback(Psid, "Get Started", "GET_STARTED", mid: null, at);

        var first = Assert.IsType<InboundMessage>(Assert.Single(ParseJson(body)));
        var redelivered = Assert.IsType<InboundMessage>(Assert.Single(ParseJson(body)));
        var laterTap = Assert.IsType<InboundMessage>(Assert.Single(ParseJson(MessengerPayloads.Postback(Psid, "Get Started", "GET_STARTED", null, at.AddSeconds(5)))));

        Assert.Equal(first.ProviderMessageId, redelivered.ProviderMessageId);
        Assert.NotEqual(first.ProviderMessageId, laterTap.ProviderMessageId);
        Assert.Equal("GET_STARTED", first.Choice!.Id);
    }

    [Fact]
    public void An_echo_of_a_page_message_is_read_as_an_echo_to_the_patient_with_its_app_id()
    {
        var echo = Assert.IsType<InboundEcho>(Assert.Single(Parse("messenger-echo.json")));

        Assert.Equal(Psid, echo.RecipientExternalId);
        Assert.Equal(Page, echo.AccountId);
        Assert.Equal("m_Ei1aDU6Xu4gAf3bO8vW5cPqR7tZ2yL0nH9jK4xV6iG5oF1rQ8bD3uA7wC2zY0", echo.ProviderMessageId);
        Assert.Equal("987654321012345", echo.AppId);
        Assert.Equal(MessageType.Text, echo.Type);
        Assert.StartsWith("We have openings", echo.Text);
        Assert.Equal("outbox-91ab44", echo.Metadata);
    }

    [Fact]
    public void A_delivery_receipt_is_a_watermark_with_the_named_mids()
    {
        var watermark = Assert.IsType<InboundWatermark>(Assert.Single(Parse("messenger-delivery.json")));

        Assert.Equal(DeliveryStatus.Delivered, watermark.Status);
        Assert.Equal(Psid, watermark.RecipientExternalId);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1780306440700), watermark.Watermark);
        Assert.Equal(["m_Ei1aDU6Xu4gAf3bO8vW5cPqR7tZ2yL0nH9jK4xV6iG5oF1rQ8bD3uA7wC2zY0"], watermark.ProviderMessageIds);
    }

    [Fact]
    public void A_read_receipt_is_a_watermark_without_mids()
    {
        var watermark = Assert.IsType<InboundWatermark>(Assert.Single(Parse("messenger-read.json")));

        Assert.Equal(DeliveryStatus.Read, watermark.Status);
        Assert.Equal(Psid, watermark.RecipientExternalId);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1780306440500), watermark.Watermark);
        Assert.Empty(watermark.ProviderMessageIds);
    }

    [Fact]
    public void A_reaction_names_the_message_and_the_emoji_and_an_unreact_removes_it()
    {
        var reaction = Assert.IsType<InboundReaction>(Assert.Single(Parse("messenger-reaction.json")));
        Assert.Equal("m_Fj2bEV7Yv5hBg4cP9wX6dQrS8uA3zM1oI0kL5yW7jH6pG2sR9cE4vB8xD3aZ1", reaction.TargetProviderMessageId);
        Assert.Equal("❤", reaction.Emoji);
        Assert.Equal(Psid, reaction.Sender.ExternalId);

        var removed = Assert.IsType<InboundReaction>(Assert.Single(ParseJson(MessengerPayloads.Reaction(Psid, "m_target", "unreact", "love", "❤"))));
        Assert.Null(removed.Emoji);
        var named = Assert.IsType<InboundReaction>(Assert.Single(ParseJson(MessengerPayloads.Reaction(Psid, "m_target", "react", "like", null))));
        Assert.Equal("👍", named.Emoji);
    }

    [Fact]
    public void Events_in_standby_are_read_too_and_a_standby_postback_without_payload_keeps_its_title()
    {
        var events = Parse("messenger-standby.json");

        Assert.Equal(2, events.Count);
        Assert.Equal("Is anyone there? I wrote in the page inbox.", Assert.IsType<InboundMessage>(events[0]).Text);
        var postback = Assert.IsType<InboundMessage>(events[1]);
        Assert.Equal(new InboundChoice("Get Started", "Get Started"), postback.Choice);
    }

    [Fact]
    public void Every_event_of_every_entry_of_a_batch_is_read_in_order_for_the_pages_we_serve()
    {
        var events = Parse("messenger-batch.json");

        Assert.Collection(events,
            e =>
            {
                var text = Assert.IsType<InboundMessage>(e);
                Assert.Equal("Here are my lab results", text.Text);
                Assert.Equal("m_Fj2bEV7Yv5hBg4cP9wX6dQrS8uA3zM1oI0kL5yW7jH6pG2sR9cE4vB8xD3aZ1", text.ReplyToProviderMessageId);
            },
            e =>
            {
                var file = Assert.IsType<InboundMessage>(e);
                Assert.Equal(MessageType.Document, file.Type);
                Assert.Equal("lab-results.pdf", file.Media!.FileName);
                Assert.Equal("m_Batch2bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", file.ProviderMessageId);
            },
            e =>
            {
                // The second attachment of the same mid: its own stable id.
                var video = Assert.IsType<InboundMessage>(e);
                Assert.Equal(MessageType.Video, video.Type);
                Assert.Equal("m_Batch2bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb#2", video.ProviderMessageId);
            },
            e => Assert.Equal(MessageType.Audio, Assert.IsType<InboundMessage>(e).Type),
            e => Assert.Equal(MessageType.Sticker, Assert.IsType<InboundMessage>(e).Type),
            e => Assert.Equal(DeliveryStatus.Delivered, Assert.IsType<InboundWatermark>(e).Status),
            e => Assert.Equal(DeliveryStatus.Read, Assert.IsType<InboundWatermark>(e).Status));
        Assert.DoesNotContain(events, e => e.AccountId != Page);
        Assert.Equal(["6843210987654321", "6843210987654321", "6843210987654321", "7954321098765432", "7954321098765432"],
            events.OfType<InboundMessage>().Select(m => m.Sender.ExternalId));
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"object\":\"whatsapp_business_account\",\"entry\":[]}")]
    [InlineData("{\"object\":\"instagram\",\"entry\":[]}")]
    [InlineData("{\"object\":\"page\"}")]
    [InlineData("{\"object\":\"page\",\"entry\":[")]
    [InlineData("[1,2,3]")]
    public void Bodies_that_are_not_the_messenger_envelope_are_malformed(string body) =>
        Assert.Equal(WebhookInspection.Malformed, Adapter.Inspect(Encoding.UTF8.GetBytes(body)));

    [Fact]
    public void A_body_for_a_page_we_do_not_serve_is_recognised_as_not_ours()
    {
        Assert.Equal(WebhookInspection.UnknownAccount, Adapter.Inspect(Encoding.UTF8.GetBytes(MessengerPayloads.Text(Psid, "hi", page: "999000999000999"))));
        Assert.Equal(WebhookInspection.UnknownAccount, Adapter.Inspect("{\"object\":\"page\",\"entry\":[]}"u8));
        Assert.Equal(WebhookInspection.Accept, Adapter.Inspect(Fixtures.Bytes("messenger/messenger-inbound-text.json")));
        Assert.Empty(ParseJson(MessengerPayloads.Text(Psid, "hi", page: "999000999000999")));
    }
}
