using System.Security.Cryptography;
using Inbox.Infrastructure.Media;

namespace Inbox.Tests.Media;

public sealed class MediaRulesTests
{
    private static readonly IReadOnlyList<string> Defaults = MediaOptions.DefaultAllowedTypes;

    [Theory]
    [InlineData("image/jpeg")]
    [InlineData("image/png")]
    [InlineData("image/webp")]
    [InlineData("application/pdf")]
    [InlineData("audio/ogg; codecs=opus")]
    [InlineData("AUDIO/MPEG")]
    [InlineData("audio/amr")]
    [InlineData("video/mp4")]
    [InlineData("video/3gpp")]
    public void The_documented_types_of_photos_documents_voice_notes_and_videos_are_allowed(string type) =>
        Assert.True(MediaRules.IsAllowed(type, Defaults));

    [Theory]
    [InlineData("application/x-msdownload")]
    [InlineData("text/html")]
    [InlineData("image/svg+xml")]
    [InlineData("application/javascript")]
    [InlineData("application/octet-stream")]
    [InlineData("")]
    [InlineData(null)]
    public void Executables_markup_scripts_and_unknown_types_are_not(string? type) =>
        Assert.False(MediaRules.IsAllowed(type, Defaults));

    [Fact]
    public void A_configured_list_replaces_the_defaults()
    {
        var options = new MediaOptions { AllowedTypes = ["image/png"] };

        Assert.True(MediaRules.IsAllowed("image/png", options.EffectiveAllowedTypes));
        Assert.False(MediaRules.IsAllowed("image/jpeg", options.EffectiveAllowedTypes));
    }

    [Fact]
    public void Reasons_read_as_staff_see_them()
    {
        Assert.Equal("File too large (31 MB; limit 25 MB)", MediaRules.TooLarge(31 * 1024 * 1024, 25 * 1024 * 1024));
        Assert.Equal("File too large (over the 25 MB limit)", MediaRules.TooLarge(25 * 1024 * 1024));
        Assert.Equal("Type not allowed: application/x-msdownload", MediaRules.TypeNotAllowed("application/x-msdownload; name=\"setup.exe\""));
    }

    [Theory]
    [InlineData(640, "640 bytes")]
    [InlineData(12 * 1024, "12 KB")]
    [InlineData(3_565_158, "3.4 MB")]
    [InlineData(31L * 1024 * 1024, "31 MB")]
    public void Sizes_are_short(long bytes, string expected) => Assert.Equal(expected, MediaRules.FormatSize(bytes));

    [Fact]
    public void The_platform_checksum_is_read_as_base64_or_hex()
    {
        var file = "the bytes of a photo"u8.ToArray();
        var sha = SHA256.HashData(file);

        Assert.True(MediaRules.ChecksumMatches(Convert.ToBase64String(sha), sha));
        Assert.True(MediaRules.ChecksumMatches(Convert.ToHexString(sha), sha));
        Assert.True(MediaRules.ChecksumMatches(Convert.ToHexStringLower(sha), sha));
        Assert.False(MediaRules.ChecksumMatches(Convert.ToBase64String(SHA256.HashData("other"u8)), sha));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-hash")]
    public void Without_a_readable_platform_checksum_there_is_nothing_to_check(string? declared) =>
        Assert.Null(MediaRules.ChecksumMatches(declared, SHA256.HashData("x"u8)));

    [Theory]
    [InlineData("image/jpeg", true)]
    [InlineData("audio/ogg; codecs=opus", true)]
    [InlineData("video/mp4", true)]
    [InlineData("application/pdf", false)]
    [InlineData("text/plain", false)]
    public void Only_images_audio_and_video_are_shown_in_place(string type, bool inline) =>
        Assert.Equal(inline, MediaRules.ShowsInline(type));
}
