using System.Globalization;
using Inbox.Core.Audit;
using Inbox.Core.Conversations;
using Inbox.Infrastructure.Media;
using Inbox.Infrastructure.Persistence;
using Inbox.Infrastructure.Persistence.Queries;
using Inbox.Infrastructure.Teams;
using Inbox.Web.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Inbox.Web.Endpoints;

/// <summary>
/// `GET /media/{messageId}`: a patient's stored attachment, for signed-in staff whose inboxes include the
/// conversation (404 for everyone else, so ids reveal nothing). Every read is audited (once per viewing, not per Range chunk). The file is served under
/// a generated name, never the patient's, and browsers are told not to sniff, cache or render anything but
/// images, audio and video in place.
/// </summary>
internal static class MediaEndpoints
{
    public const string Route = "/media";

    public static IEndpointRouteBuilder MapMedia(this IEndpointRouteBuilder app)
    {
        app.MapGet(Route + "/{messageId}", ReadAsync).RequireAuthorization(Policies.ReadConversations).ExcludeFromDescription();
        return app;
    }

    public static string UrlOf(Guid messageId) => $"{Route}/{messageId}";

    private static async Task<IResult> ReadAsync(
        string messageId, HttpContext http, InboxDbContext db, InboxScopes scopes, IMediaStore store, IAuditTrail audit,
        TimeProvider clock, IOptionsMonitor<MediaOptions> options, CancellationToken ct)
    {
        if (!Guid.TryParse(messageId, out var id)) return Results.NotFound();
        var scope = await CircuitInboxScope.ForAsync(scopes, http.User, ct);
        var found = await (
            from m in db.Messages.AsNoTracking()
            join c in db.VisibleConversations(scope) on m.ConversationId equals c.Id
            where m.Id == id && m.MediaState == MediaState.Stored && m.UnsentAt == null
            select new { m.Type, m.MediaMimeType, m.MediaIsVoice, m.CreatedAt }).SingleOrDefaultAsync(ct);
        if (found is null) return Results.NotFound();
        if (await store.OpenReadAsync(id, ct) is not { } file) return Results.NotFound();

        if (OpensTheFile(http.Request)) await audit.RecordAsync(clock, http.User, "media.read", "message", id.ToString());

        // Only what the allowlist still allows keeps its type; anything else is bytes to download.
        var contentType = MediaRules.IsAllowed(found.MediaMimeType, options.CurrentValue.EffectiveAllowedTypes) ? found.MediaMimeType! : "application/octet-stream";
        var disposition = new ContentDispositionHeaderValue(MediaRules.ShowsInline(contentType) ? "inline" : "attachment")
        {
            FileName = FileName(found.Type, found.MediaIsVoice, found.CreatedAt, contentType),
        };
        var headers = http.Response.Headers;
        headers.ContentDisposition = disposition.ToString();
        headers.XContentTypeOptions = "nosniff";
        headers.CacheControl = "private, no-store";
        // Range requests let the audio and video players seek.
        return Results.Stream(file, contentType, enableRangeProcessing: true);
    }

    /// <summary>
    /// A player seeking sends many Range requests for one viewing: the read is audited once, for the request that
    /// starts at the beginning (no Range, or one from byte 0), not once per chunk (each audit entry takes a write turn).
    /// </summary>
    private static bool OpensTheFile(HttpRequest request) =>
        request.GetTypedHeaders().Range is not { Ranges.Count: > 0 } range || range.Ranges.First().From == 0;

    /// <summary>"photo-20260601-093000.jpg": says what it is and when it came, and nothing the patient typed.</summary>
    private static string FileName(MessageType type, bool isVoice, DateTimeOffset at, string contentType)
    {
        var kind = type switch
        {
            MessageType.Image => "photo",
            MessageType.Sticker => "sticker",
            MessageType.Audio => isVoice ? "voice-note" : "audio",
            MessageType.Video => "video",
            _ => "document",
        };
        return $"{kind}-{at.UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}{MediaRules.Extension(contentType)}";
    }
}
