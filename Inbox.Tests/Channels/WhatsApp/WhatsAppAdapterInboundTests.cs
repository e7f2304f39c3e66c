using System.Text;
using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Infrastructure.Channels.WhatsApp;
using Inbox.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Inbox.Tests.Channels.WhatsApp;

public sealed class WhatsAppAdapterInboundTests
{
    private const string Secret = "fake-app-secret-for-tests-only";

    private static readonly WhatsAppAdapter Adapter = new(new HttpClient(), new TestOptions<WhatsAppOptions>(new WhatsAppOptions()),
        new StaticChannelAccounts(StaticChannelAccounts.Account(ChannelKind.WhatsApp, "109283746501928", ("AppSecret", Secret), ("VerifyToken", "the-token"))),
        NullLogger<WhatsAppAdapter>.Instance);

    [Fact]
    public void The_documented_signature_of_the_fixture_is_accepted()
    {
        var body = Fixtures.Bytes("whatsapp/whatsapp-inbound-text.json");
        Assert.True(Adapter.IsSignatureValid(body, "sha256=2dde64c4d3fede4f919c723261afe740fe14a26705d63bce7c393df0028af816"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("sha256=")]
    [InlineData("sha1=2dde64c4d3fede4f919c723261afe740fe14a26705d63bce7c393df0028af816")]
    [InlineData("sha256=2dde64c4d3fede4f919c723261afe740fe14a26705d63bce7c393df0028af817")]
    [InlineData("sha256=zzde64c4d3fede4f919c723261afe740fe14a26705d63bce7c393df0028af816")]
    public void A_missing_or_wrong_signature_is_refused(string? header)
    {
        var body = Fixtures.Bytes("whatsapp/whatsapp-inbound-text.json");
        Assert.False(Adapter.IsSignatureValid(body, header));
    }

    [Fact]
    public void The_signature_is_checked_over_the_escaped_bytes_as_sent_not_over_reserialized_json()
    {
        var escaped = Encoding.UTF8.GetBytes("{\"text\":\"\\u0e2a\\u0e27\\u0e31\\u0e2a\\u0e14\\u0e35\"}");
        var raw = Encoding.UTF8.GetBytes("{\"text\":\"สวัสดี\"}");
        const string meta = "sha256=041165e046aaf2753bd45492ebd95c3323b679cf649545d0bd83995d1850def3";

        Assert.True(Adapter.IsSignatureValid(escaped, meta));
        Assert.False(Adapter.IsSignatureValid(raw, meta));
    }

    [Fact]
    public void The_handshake_echoes_the_challenge_only_for_the_right_token()
    {
        Assert.Equal("1158201444", Adapter.AnswerHandshake("subscribe", "the-token", "1158201444"));
        Assert.Null(Adapter.AnswerHandshake("subscribe", "wrong", "1158201444"));
        Assert.Null(Adapter.AnswerHandshake("unsubscribe", "the-token", "1158201444"));
    }

    [Fact]
    public void A_text_message_is_read_with_its_sender_keyed_on_the_bsuid()
    {
        var events = Adapter.Parse(Fixtures.Bytes("whatsapp/whatsapp-inbound-text.json"));

        var message = Assert.IsType<InboundMessage>(Assert.Single(events));
        Assert.Equal("US.1358024679135802467", message.Sender.ExternalId);
        Assert.Equal("15550107788", message.Sender.Phone);
        Assert.Equal("Alex Rivera", message.Sender.DisplayName);
        Assert.Equal("109283746501928", message.AccountId);
        Assert.Equal(MessageType.Text, message.Type);
        Assert.Equal("Hello, I would like to book a check-up next week.", message.Text);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1780304400), message.Timestamp);
    }

    [Fact]
    public void A_username_only_user_comes_without_a_phone()
    {
        var message = Assert.IsType<InboundMessage>(Assert.Single(Adapter.Parse(Fixtures.Bytes("whatsapp/whatsapp-inbound-text-username-only.json"))));

        Assert.Equal("TH.8802467913579024681", message.Sender.ExternalId);
        Assert.Null(message.Sender.Phone);
        Assert.Equal("@pat.nakamura", message.Sender.Username);
    }

    [Theory]
    [InlineData("whatsapp-inbound-image.json", MessageType.Image, "Photo of the referral letter", true)]
    [InlineData("whatsapp-inbound-document.json", MessageType.Document, null, true)]
    [InlineData("whatsapp-inbound-audio-voice.json", MessageType.Audio, null, true)]
    [InlineData("whatsapp-inbound-location.json", MessageType.Location, "Lumpini Park", false)]
    [InlineData("whatsapp-inbound-button-reply.json", MessageType.Interactive, "Confirm", false)]
    [InlineData("whatsapp-inbound-list-reply.json", MessageType.Interactive, null, false)]
    [InlineData("whatsapp-inbound-template-button.json", MessageType.Interactive, null, false)]
    public void Every_message_type_in_the_fixtures_is_read(string file, MessageType type, string? textContains, bool hasMedia)
    {
        var message = Assert.IsType<InboundMessage>(Assert.Single(Adapter.Parse(Fixtures.Bytes("whatsapp/" + file))));

        Assert.Equal(type, message.Type);
        Assert.Equal(hasMedia, message.Media is not null);
        if (textContains is not null) Assert.Contains(textContains, message.Text);
        if (type == MessageType.Interactive) Assert.False(string.IsNullOrEmpty(message.Text), "a tapped button shows its title");
    }

    [Theory]
    [InlineData("whatsapp-status-sent.json", DeliveryStatus.Sent)]
    [InlineData("whatsapp-status-read.json", DeliveryStatus.Read)]
    [InlineData("whatsapp-status-failed.json", DeliveryStatus.Failed)]
    public void Receipts_are_read_as_statuses(string file, DeliveryStatus expected)
    {
        var status = Assert.IsType<InboundStatus>(Assert.Single(Adapter.Parse(Fixtures.Bytes("whatsapp/" + file))));
        Assert.Equal(expected, status.Status);
    }

    [Fact]
    public void A_failed_receipt_carries_the_mapped_reason()
    {
        var status = Assert.IsType<InboundStatus>(Assert.Single(Adapter.Parse(Fixtures.Bytes("whatsapp/whatsapp-status-failed.json"))));

        Assert.Equal("131047", status.ErrorCode);
        Assert.Contains("24-hour window has closed", status.ErrorReason);
    }

    [Fact]
    public void Every_message_and_status_of_a_batch_is_read_in_order()
    {
        var body = WhatsAppPayloads.Batch(
            ("15550100001", "Ann", "first"),
            ("15550100002", "Ben", "second"),
            ("15550100003", "Cai", "third"));

        var texts = Adapter.Parse(Encoding.UTF8.GetBytes(body)).OfType<InboundMessage>().Select(m => m.Text);
        Assert.Equal(["first", "second", "third"], texts);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"object\":\"page\",\"entry\":[]}")]
    [InlineData("{\"object\":\"whatsapp_business_account\"}")]
    [InlineData("[1,2,3]")]
    public void Bodies_that_are_not_the_cloud_api_envelope_are_malformed(string body) =>
        Assert.Equal(WebhookInspection.Malformed, Adapter.Inspect(Encoding.UTF8.GetBytes(body)));

    [Fact]
    public void A_body_for_another_business_number_is_recognised_as_not_ours()
    {
        var body = WhatsAppPayloads.Text("15550107788", "Alex", "hi", phoneNumberId: "999999999");
        Assert.Equal(WebhookInspection.UnknownAccount, Adapter.Inspect(Encoding.UTF8.GetBytes(body)));
        Assert.Equal(WebhookInspection.Accept, Adapter.Inspect(Fixtures.Bytes("whatsapp/whatsapp-inbound-text.json")));
    }
}
