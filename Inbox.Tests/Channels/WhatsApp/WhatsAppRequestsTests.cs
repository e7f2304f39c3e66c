using System.Text.Json;
using System.Text.Json.Nodes;
using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Infrastructure.Channels.WhatsApp;
using Inbox.Tests.Support;

namespace Inbox.Tests.Channels.WhatsApp;

/// <summary>Send API bodies compared with the documented samples (Fixtures/whatsapp/whatsapp-send-*.json).</summary>
public sealed class WhatsAppRequestsTests
{
    private static readonly Guid Id = Guid.Parse("0190f0a0-0000-7000-8000-000000000001");

    private static OutboundMessage Message(string text, IReadOnlyList<MessageChoice>? choices = null, OutboundMedia? media = null, OutboundTemplate? template = null) =>
        new(Id, "109283746501928", new OutboundRecipient("US.1358024679135802467", "15550107788"), text, choices, media, template);

    // Serialized as the adapter sends it (JsonContent uses the web defaults).
    private static JsonNode Body(OutboundMessage message) => JsonSerializer.SerializeToNode(WhatsAppRequests.For(message), JsonSerializerOptions.Web)!;

    private static JsonNode Sample(string file) => JsonNode.Parse(Fixtures.Text("whatsapp/" + file))!;

    private static void AssertSame(JsonNode? expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(expected, actual), $"expected {expected?.ToJsonString()}\n     got {actual?.ToJsonString()}");

    [Fact]
    public void A_text_is_the_documented_text_body_with_our_message_id_for_correlation()
    {
        var sample = Sample("whatsapp-send-text.json");
        var body = Body(Message("Thank you, Alex. A receptionist will confirm your check-up time shortly."));

        Assert.Equal(Id.ToString(), body["biz_opaque_callback_data"]!.GetValue<string>());
        body.AsObject().Remove("biz_opaque_callback_data");
        AssertSame(sample, body);
    }

    [Fact]
    public void A_user_known_only_by_username_is_addressed_by_bsuid()
    {
        var message = Message("Hello") with { Recipient = new OutboundRecipient("TH.8802467913579024681", null) };

        var body = Body(message);

        Assert.Null(body["to"]);
        Assert.Equal("TH.8802467913579024681", body["recipient"]!.GetValue<string>());
    }

    [Fact]
    public void Up_to_three_short_choices_are_reply_buttons_in_the_documented_shape()
    {
        var sample = Sample("whatsapp-send-interactive-buttons.json");
        var choices = new MessageChoice[] { new("confirm-appointment", "Confirm"), new("other-time", "Another time"), new("talk-to-staff", "Talk to staff") };

        var body = Body(Message("We can see you on Wednesday 3 June at 09:30 with Dr. Chen. Does this time work for you?", choices));

        Assert.Equal("interactive", body["type"]!.GetValue<string>());
        Assert.Null(body["text"]);
        AssertSame(sample["interactive"]!["type"], body["interactive"]!["type"]);
        AssertSame(sample["interactive"]!["body"], body["interactive"]!["body"]);
        AssertSame(sample["interactive"]!["action"], body["interactive"]!["action"]);
        AssertSame(sample["to"], body["to"]);
    }

    [Fact]
    public void More_than_three_choices_become_a_list_with_rows_in_the_documented_shape()
    {
        var sample = Sample("whatsapp-send-interactive-list.json");
        var documentedRows = sample["interactive"]!["action"]!["sections"]!.AsArray().SelectMany(s => s!["rows"]!.AsArray()).ToList();
        var choices = documentedRows.Select(r => new MessageChoice(r!["id"]!.GetValue<string>(), r["title"]!.GetValue<string>()))
            .Append(new MessageChoice("slot-other", "None of these")).ToList();

        var body = Body(Message("Please pick a time for your check-up.", choices));

        var interactive = body["interactive"]!;
        Assert.Equal("list", interactive["type"]!.GetValue<string>());
        AssertSame(sample["interactive"]!["body"], interactive["body"]);
        Assert.Equal(WhatsAppRequests.ListButtonLabel, interactive["action"]!["button"]!.GetValue<string>());
        var rows = interactive["action"]!["sections"]!.AsArray().Single()!["rows"]!.AsArray();
        Assert.Equal(4, rows.Count);
        // Each row has the documented keys (id, title); no description is invented.
        for (var i = 0; i < documentedRows.Count; i++)
        {
            Assert.Equal(documentedRows[i]!["id"]!.GetValue<string>(), rows[i]!["id"]!.GetValue<string>());
            Assert.Equal(documentedRows[i]!["title"]!.GetValue<string>(), rows[i]!["title"]!.GetValue<string>());
        }
        Assert.Null(rows[0]!["description"]);
    }

    [Fact]
    public void A_button_title_over_twenty_characters_moves_the_choices_to_a_list()
    {
        var choices = new MessageChoice[] { new("a", "Yes"), new("b", "I would like another day") };

        var body = Body(Message("Does Wednesday suit you?", choices));

        Assert.Equal("list", body["interactive"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public void Over_ten_choices_or_over_long_titles_fall_back_to_a_numbered_text_menu()
    {
        var eleven = Enumerable.Range(1, 11).Select(i => new MessageChoice($"slot-{i}", $"Slot {i}")).ToList();
        var longTitle = new MessageChoice[] { new("a", "Monday morning with Dr. Chen in room 4") };

        var many = Body(Message("Pick a slot:", eleven));
        var wordy = Body(Message("Pick a slot:", longTitle));

        Assert.Equal("text", many["type"]!.GetValue<string>());
        Assert.Null(many["interactive"]);
        var text = many["text"]!["body"]!.GetValue<string>();
        Assert.StartsWith("Pick a slot:\n\n1. Slot 1\n2. Slot 2\n", text);
        Assert.Contains("11. Slot 11\n", text);
        Assert.EndsWith("Reply with the number of your choice.", text);
        Assert.Contains("1. Monday morning with Dr. Chen in room 4", wordy["text"]!["body"]!.GetValue<string>());
    }

    [Fact]
    public void Buttons_need_a_body_so_a_menu_without_words_gets_a_prompt()
    {
        var body = Body(Message("", [new MessageChoice("y", "Yes"), new MessageChoice("n", "No")]));

        Assert.Equal(WhatsAppRequests.DefaultPrompt, body["interactive"]!["body"]!["text"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(MessageType.Image, "image", true)]
    [InlineData(MessageType.Video, "video", true)]
    [InlineData(MessageType.Document, "document", true)]
    [InlineData(MessageType.Audio, "audio", false)]
    public void Media_go_by_link_under_their_type_with_the_text_as_caption_where_allowed(MessageType type, string key, bool captioned)
    {
        var media = new OutboundMedia(type, "https://clinic.example/files/leaflet", "application/pdf", "aftercare.pdf");

        var body = Body(Message(captioned ? "Your aftercare leaflet" : "", media: media));

        Assert.Equal(key, body["type"]!.GetValue<string>());
        Assert.Equal("https://clinic.example/files/leaflet", body[key]!["link"]!.GetValue<string>());
        Assert.Equal(captioned ? "Your aftercare leaflet" : null, body[key]!["caption"]?.GetValue<string>());
        Assert.Equal(type == MessageType.Document ? "aftercare.pdf" : null, body[key]!["filename"]?.GetValue<string>());
        Assert.Null(body["text"]);
    }

    [Fact]
    public void Text_with_an_audio_file_is_refused_with_a_reason_rather_than_silently_dropped()
    {
        var message = Message("Listen to this", media: new OutboundMedia(MessageType.Audio, "https://clinic.example/a.ogg", "audio/ogg"));

        Assert.Contains("own message", WhatsAppRequests.Problem(message));
        Assert.Null(WhatsAppRequests.Problem(message with { Text = "" }));
    }

    [Fact]
    public void A_template_has_its_name_language_and_body_parameters_in_the_documented_shape()
    {
        var sample = Sample("whatsapp-send-template.json");
        var template = new OutboundTemplate("appointment_reminder", "en_US", ["Alex", "Wednesday 3 June, 09:30", "Dr. Chen"]);

        var body = Body(Message("", template: template));

        Assert.Equal("template", body["type"]!.GetValue<string>());
        Assert.Null(body["text"]);
        AssertSame(sample["template"]!["name"], body["template"]!["name"]);
        AssertSame(sample["template"]!["language"], body["template"]!["language"]);
        var documentedBody = sample["template"]!["components"]!.AsArray().Single(c => c!["type"]!.GetValue<string>() == "body");
        AssertSame(new JsonArray(documentedBody!.DeepClone()), body["template"]!["components"]);
    }

    [Fact]
    public void A_template_without_parameters_sends_no_components()
    {
        var body = Body(Message("", template: new OutboundTemplate("hello_world", "en_US", [])));

        Assert.Null(body["template"]!["components"]);
        Assert.Equal("en_US", body["template"]!["language"]!["code"]!.GetValue<string>());
    }
}
