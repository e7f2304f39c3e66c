namespace Inbox.Infrastructure.Media;

/// <summary>`Media`: what inbound attachments may be stored, where, and how downloads are retried.</summary>
public sealed class MediaOptions
{
    public const string Section = "Media";

    /// <summary>
    /// Images, PDFs and office documents, voice notes and videos in the types WhatsApp, Messenger and LINE document.
    /// Never HTML, SVG, scripts or executables: files are served back to staff browsers.
    /// </summary>
    public static readonly IReadOnlyList<string> DefaultAllowedTypes =
    [
        "image/jpeg", "image/png", "image/webp", "image/gif",
        "application/pdf", "text/plain",
        "application/msword", "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.ms-excel", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "application/vnd.ms-powerpoint", "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        "audio/ogg", "audio/mpeg", "audio/mp4", "audio/aac", "audio/amr", "audio/x-m4a", "audio/m4a",
        "video/mp4", "video/3gpp",
    ];

    /// <summary>Largest attachment stored; reading stops as soon as a download goes past it.</summary>
    public long MaxBytes { get; set; } = 25 * 1024 * 1024;

    /// <summary>Replaces <see cref="DefaultAllowedTypes"/> when set (MIME types without parameters).</summary>
    public string[]? AllowedTypes { get; set; }

    /// <summary>Folder for stored files; a relative path is under the app's content root.</summary>
    public string StoragePath { get; set; } = Path.Combine("data", "media");

    /// <summary>The first retry of a failed download waits this long; each further one twice as long.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Stop retrying this long after the patient sent the file: WhatsApp keeps media ids for 7 days, so by then
    /// the platform itself no longer has it.
    /// </summary>
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromDays(7);

    /// <summary>One download (both steps and the copy) may take this long before it counts as a transient failure.</summary>
    public TimeSpan DownloadTimeout { get; set; } = TimeSpan.FromMinutes(2);

    public IReadOnlyList<string> EffectiveAllowedTypes => AllowedTypes is { Length: > 0 } configured ? configured : DefaultAllowedTypes;
}
