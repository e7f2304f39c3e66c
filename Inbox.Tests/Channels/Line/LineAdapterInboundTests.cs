using System.Text;
using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Infrastructure.Channels.Line;
using Inbox.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Inbox.Tests.Channels.Line;

public sealed class LineAdapterInboundTests
{
    private const string Secret = "fake-channel-secret-for-tests-only";
    private const string Patient = "U36b3216fdaeeb975729fae923d5a4fd1";

    private static LineAdapter AdapterFor(params ChannelAccountSettings[] accounts)
    {
        var directory = new StaticChannelAccounts(accounts);
        return new LineAdapter(new HttpClient(), new TestOptions<LineOptions>(new LineOptions()), directory, new LineAccountRouter(directory), NullLogger<LineAdapter>.Instance);
    }

    private static ChannelAccountSettings Channel(string id, string secret, string? botUserId = null) =>
        botUserId is null
            ? StaticChannelAccounts.Account(ChannelKind.Line, id, ("ChannelSecret", secret), ("ChannelAccessToken", "token-" + id))
            : StaticChannelAccounts.Account(ChannelKind.Line, id, ("ChannelSecret", secret), ("ChannelAccessToken", "token-" + id), ("BotUserId", botUserId));

    private static readonly LineAdapter Adapter = AdapterFor(Channel("default", Secret));

    private static IReadOnlyList<InboundEvent> Parse(string fixture) => Adapter.Parse(Fixtures.Bytes("line/" + fixture));

    [Theory]
    [InlineData("line-inbound-text.json", "oiBeWRj4XPRxJ45nAsqoVM1uJDo02Hv2Vfb4w+62TsQ=")]
    [InlineData("line-verify-empty-events.json", "tRvgdFA0/tJtRCde5DYTiCuvnviuUPeU2MIKAjo9Dow=")]
    public void The_documented_signatures_of_the_fixtures_are_accepted(string fixture, string header) =>
        Assert.True(Adapter.IsSignatureValid(Fixtures.Bytes("line/" + fixture), header));

    [Fact]
    public void The_documented_signature_of_the_compact_verify_body_is_accepted()
    {
        // The research notes say 64 bytes; the body is 63 (no trailing newline), and the signature is over those 63.
        var body = Encoding.UTF8.GetBytes("{\"destination\":\"Ua4c123b1612dd272d1371c17149d4395\",\"events\":[]}");
        Assert.True(Adapter.IsSignatureValid(body, "Tw1Pjtopr3No01ba4WtJdDYncMm/DXN5N9q3PMHhjLA="));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not base64 at all")]
    [InlineData("sha256=oiBeWRj4XPRxJ45nAsqoVM1uJDo02Hv2Vfb4w+62TsQ=")]
    [InlineData("oiBeWRj4XPRxJ45nAsqoVM1uJDo02Hv2Vfb4w+62TsA=")]
    [InlineData("oiBeWRj4XPRxJ45nAsqoVM1uJDo02Hv2Vfb4w+62TsQ")]
    [InlineData("tRvgdFA0/tJtRCde5DYTiCuvnviuUPeU2MIKAjo9Dow=")]
    public void A_missing_malformed_or_wrong_signature_is_refused(string? header) =>
        Assert.False(Adapter.IsSignatureValid(Fixtures.Bytes("line/line-inbound-text.json"), header));

    [Fact]
    public void The_signature_is_checked_over_the_bytes_as_sent_not_over_reformatted_json()
    {
        var sent = Fixtures.Bytes("line/line-inbound-text.json");
        var reformatted = Encoding.UTF8.GetBytes(System.Text.Json.JsonDocument.Parse(sent).RootElement.GetRawText().Replace("\n", "").Replace("  ", ""));

        Assert.False(Adapter.IsSignatureValid(reformatted, "oiBeWRj4XPRxJ45nAsqoVM1uJDo02Hv2Vfb4w+62TsQ="));
    }

    [Fact]
    public void Line_has_no_handshake()
    {
        Assert.Null(Adapter.AnswerHandshake("subscribe", Secret, "1158201444"));
        Assert.Null(Adapter.AnswerHandshake(null, null, null));
    }

    [Fact]
    public void The_console_verify_body_with_no_events_is_recognised_as_empty()
    {
        Assert.Equal(WebhookInspection.Empty, Adapter.Inspect(Fixtures.Bytes("line/line-verify-empty-events.json")));
        Assert.Empty(Adapter.Parse(Fixtures.Bytes("line/line-verify-empty-events.json")));
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"destination\":\"Ua4c123b1612dd272d1371c17149d4395\"}")]
    [InlineData("{\"destination\":\"Ua4c123b1612dd272d1371c17149d4395\",\"events\":[")]
    [InlineData("{\"object\":\"page\",\"entry\":[]}")]
    [InlineData("[1,2,3]")]
    [InlineData("null")]
    public void Bodies_that_are_not_the_messaging_api_envelope_are_malformed(string body) =>
        Assert.Equal(WebhookInspection.Malformed, Adapter.Inspect(Encoding.UTF8.GetBytes(body)));

    [Fact]
    public void A_text_message_is_read_with_its_reply_token_and_keyed_on_the_line_message_id()
    {
        Assert.Equal(WebhookInspection.Accept, Adapter.Inspect(Fixtures.Bytes("line/line-inbound-text.json")));

        var message = Assert.IsType<InboundMessage>(Assert.Single(Parse("line-inbound-text.json")));

        Assert.Equal(ChannelKind.Line, message.Channel);
        Assert.Equal("default", message.AccountId);
        Assert.Equal(Patient, message.Sender.ExternalId);
        Assert.Null(message.Sender.Phone);
        Assert.Equal("578236429837465921", message.ProviderMessageId);
        Assert.Equal(MessageType.Text, message.Type);
        Assert.Equal("Hello, can I change my appointment to Friday?", message.Text);
        Assert.Equal("b440034d6608697a8d41bed440e50454", message.ReplyToken);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1780308000314), message.Timestamp);
    }

    [Fact]
    public void A_redelivered_event_reads_exactly_as_the_first_delivery_so_it_is_stored_once()
    {
        var first = Assert.IsType<InboundMessage>(Assert.Single(Parse("line-inbound-text.json")));
        var again = Assert.IsType<InboundMessage>(Assert.Single(Parse("line-inbound-text-redelivered.json")));

        Assert.Equal(first, again);
    }

    [Fact]
    public void An_image_is_media_fetched_by_its_message_id()
    {
        var message = Assert.IsType<InboundMessage>(Assert.Single(Parse("line-inbound-image.json")));

        Assert.Equal(MessageType.Image, message.Type);
        Assert.Equal("578236498812345678", message.Media!.ProviderMediaId);
        Assert.Equal("f31af3176813e02ea68ef786e4d3cea2", message.ReplyToken);
    }

    [Fact]
    public void A_location_keeps_its_coordinates_title_and_address()
    {
        var message = Assert.IsType<InboundMessage>(Assert.Single(Parse("line-inbound-location.json")));

        Assert.Equal(MessageType.Location, message.Type);
        Assert.Equal(new MessageLocation(35.681236, 139.767125, "My location", "1-1 Marunouchi, Chiyoda-ku, Tokyo"), message.Location);
        Assert.Contains("Marunouchi", message.Text);
    }

    [Fact]
    public void A_postback_is_an_interactive_message_carrying_our_data_keyed_on_the_webhook_event_id()
    {
        var message = Assert.IsType<InboundMessage>(Assert.Single(Parse("line-postback.json")));

        Assert.Equal(MessageType.Interactive, message.Type);
        Assert.Equal("01K6NGYA1DQ91K5GQAPENECFSE", message.ProviderMessageId);
        Assert.Equal(new InboundChoice("action=book&slot=2026-06-05T10:30", null), message.Choice);
        Assert.Equal("0ca923732881584d8c4fa2815d280282", message.ReplyToken);
    }

    [Fact]
    public void An_unsend_names_the_message_the_patient_took_back()
    {
        var unsend = Assert.IsType<InboundUnsend>(Assert.Single(Parse("line-unsend.json")));
        Assert.Equal("325708", unsend.ProviderMessageId);
        Assert.Equal("U36b3216fdaeeb975729fae923d5a4fd1", unsend.Sender.ExternalId);
    }

    [Fact]
    public void Follow_and_unfollow_are_read_and_only_follow_has_a_reply_token()
    {
        var follow = Assert.IsType<InboundFollow>(Assert.Single(Parse("line-follow.json")));
        var unfollow = Assert.IsType<InboundFollow>(Assert.Single(Parse("line-unfollow.json")));

        Assert.True(follow.Following);
        Assert.Equal(Patient, follow.Sender.ExternalId);
        Assert.Equal("9e3a1c7b5d2f48e6a0b1c2d3e4f5a6b7", follow.ReplyToken);
        Assert.False(unfollow.Following);
        Assert.Null(unfollow.ReplyToken);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1780338000042), unfollow.Timestamp);
    }

    [Fact]
    public void Every_event_of_a_batch_is_read_in_order_with_group_chats_left_out()
    {
        var events = Parse("line-inbound-batch.json");

        Assert.Single(events.OfType<InboundUnsend>());
        var messages = events.OfType<InboundMessage>().ToList();
        Assert.Equal(events.Count - 1, messages.Count);
        Assert.Equal(
            ["578236700000000001", "578236700000000002", "578236700000000003", "578236700000000004", "578236700000000005", "578236700000000006", "01KD0000000000000000000007", "578236700000000008"],
            messages.Select(m => m.ProviderMessageId));
        Assert.Equal(
            [MessageType.Video, MessageType.Audio, MessageType.Document, MessageType.Sticker, MessageType.Text, MessageType.Image, MessageType.Interactive, MessageType.Text],
            messages.Select(m => m.Type));
        Assert.All(messages, m => Assert.Equal(Patient, m.Sender.ExternalId));
    }

    [Fact]
    public void Video_audio_and_files_are_media_with_the_file_name_kept()
    {
        var messages = Parse("line-inbound-batch.json").OfType<InboundMessage>().ToList();

        Assert.Equal("578236700000000001", messages[0].Media!.ProviderMediaId);
        Assert.Equal("578236700000000002", messages[1].Media!.ProviderMediaId);
        Assert.Equal("578236700000000003", messages[2].Media!.ProviderMediaId);
        Assert.Equal("referral-letter.pdf", messages[2].Media!.FileName);
        Assert.Equal("referral-letter.pdf", messages[2].Text);
        Assert.Null(messages[3].Media);
    }

    [Fact]
    public void A_quoted_message_points_at_the_message_it_answers()
    {
        var quoting = Parse("line-inbound-batch.json").OfType<InboundMessage>().Single(m => m.ProviderMessageId == "578236700000000005");

        Assert.Equal("578236600123456789", quoting.ReplyToProviderMessageId);
        Assert.Equal("Yes, that one", quoting.Text);
    }

    [Fact]
    public void Content_hosted_elsewhere_is_fetched_by_its_url()
    {
        var image = Parse("line-inbound-batch.json").OfType<InboundMessage>().Single(m => m.ProviderMessageId == "578236700000000006");

        Assert.Equal("https://example.com/original.jpg", image.Media!.ProviderMediaId);
    }

    [Fact]
    public void A_date_picker_postback_shows_the_chosen_date()
    {
        var picked = Parse("line-inbound-batch.json").OfType<InboundMessage>().Single(m => m.Type == MessageType.Interactive);

        Assert.Equal(new InboundChoice("action=pick-date", "2026-06-05"), picked.Choice);
        Assert.Equal("2026-06-05", picked.Text);
    }

    [Fact]
    public void A_message_in_standby_mode_is_recorded_but_cannot_be_answered()
    {
        var standby = Parse("line-inbound-batch.json").OfType<InboundMessage>().Single(m => m.ProviderMessageId == "578236700000000008");

        Assert.Null(standby.ReplyToken);
    }

    [Fact]
    public void With_several_channels_each_body_is_routed_to_the_channel_whose_secret_signed_it()
    {
        var adapter = AdapterFor(Channel("1650000001", "secret-of-the-first-channel"), Channel("1650000002", Secret));
        var body = Fixtures.Bytes("line/line-inbound-text.json");

        Assert.True(adapter.IsSignatureValid(body, SignedWebhooks.LineSignature(body, Secret)));
        Assert.Equal(WebhookInspection.Accept, adapter.Inspect(body));
        Assert.Equal("1650000002", Assert.Single(adapter.Parse(body)).AccountId);
    }

    [Fact]
    public void A_channel_with_its_bot_user_id_set_owns_that_destination_and_only_its_secret_may_sign_for_it()
    {
        var adapter = AdapterFor(Channel("1650000001", "secret-of-the-first-channel", botUserId: LinePayloads.Destination), Channel("1650000002", Secret));
        var body = Fixtures.Bytes("line/line-inbound-text.json");

        Assert.False(adapter.IsSignatureValid(body, SignedWebhooks.LineSignature(body, Secret)));
        Assert.True(adapter.IsSignatureValid(body, SignedWebhooks.LineSignature(body, "secret-of-the-first-channel")));
        Assert.Equal("1650000001", Assert.Single(adapter.Parse(body)).AccountId);
    }

    [Fact]
    public void With_several_channels_and_no_bot_user_ids_an_unverified_destination_is_not_guessed()
    {
        var adapter = AdapterFor(Channel("1650000001", "secret-one"), Channel("1650000002", "secret-two"));
        var body = Fixtures.Bytes("line/line-inbound-text.json");

        Assert.Equal(WebhookInspection.UnknownAccount, adapter.Inspect(body));
        // A stored body whose channel cannot be told is kept (the processor retries, then sets it aside), never dropped.
        Assert.Throws<InvalidOperationException>(() => adapter.Parse(body));
    }
}
