using Bunit;
using Inbox.Core.Conversations;
using Inbox.Web.Components.Pages.Inbox;
using static Inbox.Tests.Components.InboxData;

namespace Inbox.Tests.Components;

/// <summary>Attachments, places and contact cards inside a bubble, in each state of the download.</summary>
public sealed class MessageBubbleMediaTests
{
    private static readonly Guid ConversationId = Guid.NewGuid();

    private static ThreadMessage WithMedia(MessageType type, MediaState state, string? text = null, string? mime = "image/jpeg", string? fileName = null,
        string? caption = null, long? size = null, bool voice = false, string? error = null) =>
        Inbound(ConversationId, text!, Now) with
        {
            Type = type,
            Media = new ThreadMedia("media-1", mime, fileName, caption, size, voice, state, error),
        };

    private static IRenderedComponent<MessageBubble> Render(ComponentHarness h, ThreadMessage message) =>
        h.Context.Render<MessageBubble>(p => p.Add(b => b.Message, message));

    [Fact]
    public async Task A_stored_photo_is_a_lazy_thumbnail_from_the_media_route_with_its_caption_as_alt_text()
    {
        await using var h = new ComponentHarness();
        var message = WithMedia(MessageType.Image, MediaState.Stored, text: "My rash this morning", caption: "My rash this morning");

        var cut = Render(h, message);

        var img = cut.Find("[data-testid=media-image]");
        Assert.Equal($"/media/{message.Id}", img.GetAttribute("src"));
        Assert.Equal("lazy", img.GetAttribute("loading"));
        Assert.Equal("My rash this morning", img.GetAttribute("alt"));
        Assert.Contains("My rash this morning", cut.Find(".bubble-text").TextContent);
        Assert.DoesNotContain("[Image]", cut.Markup);
    }

    [Fact]
    public async Task A_photo_without_a_caption_says_what_it_is_and_shows_no_type_placeholder()
    {
        await using var h = new ComponentHarness();

        var cut = Render(h, WithMedia(MessageType.Image, MediaState.Stored));

        Assert.Equal("Photo from patient", cut.Find("[data-testid=media-image]").GetAttribute("alt"));
        Assert.Empty(cut.FindAll(".bubble-text"));
    }

    [Fact]
    public async Task A_voice_note_gets_an_audio_player()
    {
        await using var h = new ComponentHarness();
        var message = WithMedia(MessageType.Audio, MediaState.Stored, mime: "audio/ogg; codecs=opus", voice: true);

        var cut = Render(h, message);

        var audio = cut.Find("audio[data-testid=media-audio]");
        Assert.Equal($"/media/{message.Id}", audio.GetAttribute("src"));
        Assert.True(audio.HasAttribute("controls"));
        Assert.Equal("Voice note from patient", audio.GetAttribute("aria-label"));
    }

    [Fact]
    public async Task A_video_gets_a_video_player()
    {
        await using var h = new ComponentHarness();
        var message = WithMedia(MessageType.Video, MediaState.Stored, mime: "video/mp4");

        var cut = Render(h, message);

        var video = cut.Find("video[data-testid=media-video]");
        Assert.Equal($"/media/{message.Id}", video.GetAttribute("src"));
        Assert.True(video.HasAttribute("controls"));
    }

    [Fact]
    public async Task A_document_is_a_file_chip_with_its_name_size_and_a_download_link()
    {
        await using var h = new ComponentHarness();
        var message = WithMedia(MessageType.Document, MediaState.Stored, text: "Lab results", mime: "application/pdf", fileName: "lab-results.pdf", size: 284113);

        var cut = Render(h, message);

        var chip = cut.Find("a[data-testid=media-file]");
        Assert.Equal($"/media/{message.Id}", chip.GetAttribute("href"));
        Assert.True(chip.HasAttribute("download"));
        Assert.Contains("lab-results.pdf", chip.TextContent);
        Assert.Contains("277 KB", chip.TextContent);
    }

    [Fact]
    public async Task While_the_file_is_downloading_the_bubble_says_so_and_links_nothing()
    {
        await using var h = new ComponentHarness();

        var cut = Render(h, WithMedia(MessageType.Image, MediaState.Pending));

        Assert.Contains("Downloading…", cut.Find("[data-testid=media-pending]").TextContent);
        Assert.Empty(cut.FindAll("img, audio, video, a[data-testid=media-file]"));
    }

    [Theory]
    [InlineData(MediaState.Rejected, "File too large (31 MB; limit 25 MB)")]
    [InlineData(MediaState.Rejected, "Type not allowed: application/x-msdownload")]
    [InlineData(MediaState.Failed, "Expired on WhatsApp: files can be downloaded for 7 days after the patient sent them.")]
    public async Task A_refused_or_lost_file_shows_the_reason_instead(MediaState state, string reason)
    {
        await using var h = new ComponentHarness();

        var cut = Render(h, WithMedia(MessageType.Document, state, mime: "application/pdf", error: reason));

        var error = cut.Find("[data-testid=media-error]");
        Assert.Contains(reason, error.TextContent);
        Assert.Contains("File not available", error.TextContent);
        Assert.Empty(cut.FindAll("a[data-testid=media-file]"));
    }

    [Fact]
    public async Task A_shared_place_is_a_card_with_a_map_link()
    {
        await using var h = new ComponentHarness();
        var place = new MessageLocation(13.7462411, 100.5347287, "Lumpini Park", "Rama IV Rd, Pathum Wan, Bangkok 10330");
        var message = Inbound(ConversationId, "Lumpini Park · Rama IV Rd, Pathum Wan, Bangkok 10330", Now) with { Type = MessageType.Location, Location = place };

        var cut = Render(h, message);

        var card = cut.Find("[data-testid=location]");
        Assert.Contains("Lumpini Park", card.TextContent);
        Assert.Contains("Rama IV Rd", card.TextContent);
        var link = cut.Find("[data-testid=location-map]");
        Assert.Equal(place.MapUrl, link.GetAttribute("href"));
        Assert.Equal("_blank", link.GetAttribute("target"));
        Assert.Contains("noopener", link.GetAttribute("rel"));
        // The card already says it: no second copy of the name and address as text.
        Assert.Empty(cut.FindAll(".bubble-text"));
    }

    [Fact]
    public async Task A_bare_pin_is_a_shared_location()
    {
        await using var h = new ComponentHarness();
        var message = Inbound(ConversationId, null!, Now) with { Type = MessageType.Location, Location = new MessageLocation(1.5, 2.5) };

        var cut = Render(h, message);

        Assert.Contains("Shared location", cut.Find("[data-testid=location]").TextContent);
    }

    [Fact]
    public async Task Shared_contact_cards_list_names_and_phones()
    {
        await using var h = new ComponentHarness();
        var message = Inbound(ConversationId, "Maria Rivera", Now) with
        {
            Type = MessageType.Contacts,
            Extras = new MessageExtras(Contacts: [new SharedContact("Maria Rivera", ["+1 555-010-7799"])]),
        };

        var cut = Render(h, message);

        var card = cut.Find("[data-testid=shared-contact]");
        Assert.Contains("Maria Rivera", card.TextContent);
        Assert.Contains("+1 555-010-7799", card.TextContent);
    }
}
