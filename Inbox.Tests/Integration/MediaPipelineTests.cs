using System.Net;
using System.Security.Cryptography;
using System.Text;
using Inbox.Core.Conversations;
using Inbox.Core.Teams;
using Inbox.Infrastructure.Channels.Accounts;
using Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Inbox.Tests.Integration;

/// <summary>
/// A patient's attachment end to end: signed WhatsApp webhook → stored message → the media fetcher downloads it
/// from the fake Graph API (two steps, Bearer token) into the data folder → `GET /media/{id}` for signed-in staff
/// whose inboxes include the conversation, audited. Oversize and disallowed files are refused with a reason, outages retried.
/// </summary>
public sealed class MediaPipelineTests(MediaPipelineTests.Fixture fixture) : IClassFixture<MediaPipelineTests.Fixture>
{
    private const string NurseNumberId = "109283746508888";
    private const long Limit = 4096;
    // A download is several HTTP round trips after the webhook is processed: generous on a busy 2-core machine.
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(30);

    public sealed class Fixture : IAsyncLifetime
    {
        public FakeGraphApi Graph { get; } = new();
        public FakeLineApi Line { get; } = new();
        public string MediaFolder { get; } = Path.Combine(Path.GetTempPath(), "inbox-tests", "media-" + Guid.NewGuid().ToString("N"));
        public InboxWebApplicationFactory App { get; }
        /// <summary>The app's log, shown when a wait times out: the fetcher says why an attachment is stuck.</summary>
        public CapturingLoggerProvider Logs { get; } = new();

        public Fixture() => App = new InboxWebApplicationFactory(new Dictionary<string, string?>
        {
            ["Channels:WhatsApp:GraphApiBaseUrl"] = Graph.Url,
            ["Channels:Line:ApiBaseUrl"] = Line.Url,
            ["Media:StoragePath"] = MediaFolder,
            ["Media:MaxBytes"] = Limit.ToString(),
            ["Media:RetryBaseDelay"] = "00:00:00.200",
            ["Media:RetryMaxDelay"] = "00:00:01",
            // A second number whose conversations go to an inbox the receptionist's team does not serve.
            ["Channels:WhatsApp:Accounts:0:PhoneNumberId"] = NurseNumberId,
            ["Channels:WhatsApp:Accounts:0:AppSecret"] = InboxWebApplicationFactory.WhatsAppAppSecret,
            ["Channels:WhatsApp:Accounts:0:AccessToken"] = FakeGraphApi.AccessToken,
        }, services => services.AddSingleton<ILoggerProvider>(Logs));

        public async Task InitializeAsync()
        {
            _ = App.Server;
            await using var db = App.CreateDbContext();
            var nurseLine = new SharedInbox("Nurse line", DateTimeOffset.UtcNow);
            db.SharedInboxes.Add(nurseLine);
            (await db.ChannelAccounts.SingleAsync(a => a.AccountId == NurseNumberId)).MoveTo(nurseLine.Id);
            await db.SaveChangesAsync();
            await App.Services.GetRequiredService<ChannelAccountDirectory>().ReloadAsync();
        }

        public async Task DisposeAsync()
        {
            await App.DisposeAsync();
            Graph.Dispose();
            Line.Dispose();
            try { Directory.Delete(MediaFolder, recursive: true); } catch (DirectoryNotFoundException) { }
        }
    }

    private InboxWebApplicationFactory App => fixture.App;
    private FakeGraphApi Graph => fixture.Graph;
    private FakeLineApi Line => fixture.Line;

    private static string NewMediaId() => Random.Shared.NextInt64(1_000_000_000_000, 9_999_999_999_999).ToString();

    /// <summary>Posts a signed media webhook and waits until the fetcher has settled the attachment (stored or refused).</summary>
    private async Task<Message> ReceiveAsync(string body, Func<Message, bool> settled, string because)
    {
        var wamid = System.Text.Json.JsonDocument.Parse(body).RootElement.GetProperty("entry")[0].GetProperty("changes")[0]
            .GetProperty("value").GetProperty("messages")[0].GetProperty("id").GetString();
        (await App.CreateClient().PostWhatsAppAsync(body)).EnsureSuccessStatusCode();
        await using var db = App.CreateDbContext();
        try
        {
            return (await Eventually.GetAsync(() => db.Messages.AsNoTracking().FirstOrDefaultAsync(m => m.ProviderMessageId == wamid),
                m => m is not null && settled(m), Settle, because))!;
        }
        catch (TimeoutException timeout)
        {
            var last = await db.Messages.AsNoTracking().FirstOrDefaultAsync(m => m.ProviderMessageId == wamid);
            throw new TimeoutException($"{string.Join("\n", fixture.Logs.Lines.Where(l => l.Level >= LogLevel.Warning || l.Category.Contains("Media")).Select(l => l.Category + ": " + l.Text))} Media: {last?.MediaState}, {last?.MediaAttempts} attempts, {last?.MediaError}", timeout);
        }
    }

    private async Task<Message> ReceivePhotoAsync(byte[] bytes, string mediaId, string phoneNumberId = InboxWebApplicationFactory.WhatsAppPhoneNumberId)
    {
        Graph.ServeMedia(mediaId, bytes, "image/jpeg");
        var body = WhatsAppPayloads.Media("15550300001", "image", mediaId, "image/jpeg", Convert.ToBase64String(SHA256.HashData(bytes)),
            caption: "My rash this morning", phoneNumberId: phoneNumberId);
        return await ReceiveAsync(body, m => m.MediaState == MediaState.Stored, "the fetcher stores the photo");
    }

    private async Task<int> MediaReadsAsync(Guid messageId)
    {
        await using var db = App.CreateDbContext();
        return await db.AuditLog.CountAsync(a => a.Action == "media.read" && a.SubjectId == messageId.ToString());
    }

    [Fact]
    public async Task A_patients_photo_is_downloaded_and_served_to_a_receptionist_with_safe_headers_and_audited()
    {
        var bytes = RandomNumberGenerator.GetBytes(1500);
        var message = await ReceivePhotoAsync(bytes, NewMediaId());

        Assert.Equal(1500, message.MediaSize);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), message.MediaSha256);
        Assert.Null(message.MediaError);
        // Named by the message id, never by anything the patient chose.
        Assert.Single(Directory.GetFiles(fixture.MediaFolder, message.Id.ToString("N"), SearchOption.AllDirectories));

        var client = await StaffSignIn.SignedInClientAsync(App, StaffSignIn.Receptionist);
        var response = await client.GetAsync($"/media/{message.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/jpeg", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("inline", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Matches(@"^photo-\d{8}-\d{6}\.jpg$", response.Content.Headers.ContentDisposition?.FileName);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.True(response.Headers.CacheControl is { Private: true, NoStore: true }, response.Headers.CacheControl?.ToString());
        Assert.Equal(1, await MediaReadsAsync(message.Id));
    }

    [Fact]
    public async Task Nobody_signed_out_gets_the_file()
    {
        var message = await ReceivePhotoAsync(RandomNumberGenerator.GetBytes(100), NewMediaId());

        var response = await StaffSignIn.NewClient(App).GetAsync($"/media/{message.Id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location?.PathAndQuery);
        Assert.Equal(0, await MediaReadsAsync(message.Id));
    }

    [Fact]
    public async Task Staff_whose_teams_do_not_serve_the_conversations_inbox_get_404_and_an_admin_gets_the_file()
    {
        var message = await ReceivePhotoAsync(RandomNumberGenerator.GetBytes(200), NewMediaId(), NurseNumberId);

        var receptionist = await StaffSignIn.SignedInClientAsync(App, StaffSignIn.Receptionist);
        var admin = await StaffSignIn.SignedInClientAsync(App, StaffSignIn.Admin);

        Assert.Equal(HttpStatusCode.NotFound, (await receptionist.GetAsync($"/media/{message.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await receptionist.GetAsync($"/media/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/media/{message.Id}")).StatusCode);
        Assert.Equal(1, await MediaReadsAsync(message.Id));
    }

    [Fact]
    public async Task A_file_over_the_size_limit_is_rejected_with_its_size_and_never_served()
    {
        var mediaId = NewMediaId();
        Graph.ServeMedia(mediaId, new byte[Limit + 1], "video/mp4", declaredSize: 31L * 1024 * 1024);

        var message = await ReceiveAsync(WhatsAppPayloads.Media("15550300004", "video", mediaId, "video/mp4"),
            m => m.MediaState != MediaState.Pending, "the fetcher refuses it");

        Assert.Equal(MediaState.Rejected, message.MediaState);
        Assert.Equal("File too large (31 MB; limit 4 KB)", message.MediaError);
        Assert.Empty(Directory.GetFiles(fixture.MediaFolder, message.Id.ToString("N") + "*", SearchOption.AllDirectories));
        var client = await StaffSignIn.SignedInClientAsync(App, StaffSignIn.Receptionist);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/media/{message.Id}")).StatusCode);
    }

    [Fact]
    public async Task A_file_larger_than_it_was_declared_is_cut_off_at_the_limit_and_rejected()
    {
        var mediaId = NewMediaId();
        Graph.ServeMedia(mediaId, new byte[3 * Limit], "audio/ogg", declaredSize: 100);

        var message = await ReceiveAsync(WhatsAppPayloads.Media("15550300005", "audio", mediaId, "audio/ogg; codecs=opus", voice: true),
            m => m.MediaState != MediaState.Pending, "the fetcher refuses it");

        Assert.Equal(MediaState.Rejected, message.MediaState);
        Assert.Equal("File too large (over the 4 KB limit)", message.MediaError);
        Assert.Empty(Directory.GetFiles(fixture.MediaFolder, message.Id.ToString("N") + "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_type_outside_the_allowlist_is_rejected_without_downloading_it()
    {
        var mediaId = NewMediaId();
        Graph.ServeMedia(mediaId, Encoding.ASCII.GetBytes("MZ fake executable"), "application/x-msdownload");

        var message = await ReceiveAsync(WhatsAppPayloads.Media("15550300006", "document", mediaId, "application/x-msdownload", filename: "invoice.pdf.exe"),
            m => m.MediaState != MediaState.Pending, "the fetcher refuses it");

        Assert.Equal(MediaState.Rejected, message.MediaState);
        Assert.Equal("Type not allowed: application/x-msdownload", message.MediaError);
        Assert.Equal(0, Graph.LookupRequests(mediaId));
    }

    [Fact]
    public async Task An_outage_keeps_the_attachment_pending_with_the_reason_and_it_is_stored_once_the_platform_recovers()
    {
        var mediaId = NewMediaId();
        var bytes = RandomNumberGenerator.GetBytes(300);
        Graph.ServeMedia(mediaId, bytes, "application/pdf");
        Graph.FailMedia(mediaId, 503);

        var waiting = await ReceiveAsync(WhatsAppPayloads.Media("15550300007", "document", mediaId, "application/pdf", filename: "referral.pdf"),
            m => m.MediaAttempts >= 2, "two attempts fail");
        Assert.Equal(MediaState.Pending, waiting.MediaState);
        Assert.Contains("retried", waiting.MediaError);
        Assert.NotNull(waiting.MediaNextAttemptAt);

        Graph.RestoreMedia(mediaId);
        await using var db = App.CreateDbContext();
        var stored = await Eventually.GetAsync(() => db.Messages.AsNoTracking().SingleAsync(m => m.Id == waiting.Id),
            m => m.MediaState == MediaState.Stored, Settle, "a retry succeeds");
        Assert.Null(stored.MediaError);
        Assert.Equal(300, stored.MediaSize);
        var client = await StaffSignIn.SignedInClientAsync(App, StaffSignIn.Receptionist);
        var response = await client.GetAsync($"/media/{waiting.Id}");
        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());
        // Documents are downloaded, not opened in the browser, under a generated name.
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.EndsWith(".pdf", response.Content.Headers.ContentDisposition?.FileName);
        Assert.DoesNotContain("referral", response.Content.Headers.ContentDisposition?.ToString());
    }

    [Fact]
    public async Task A_file_whatsapp_no_longer_has_fails_with_a_reason_staff_understand()
    {
        var mediaId = NewMediaId();
        Graph.FailMedia(mediaId, 404, FakeGraphApi.GraphError(100, "Unsupported get request."));

        var message = await ReceiveAsync(WhatsAppPayloads.Media("15550300008", "image", mediaId, "image/jpeg"),
            m => m.MediaState != MediaState.Pending, "the fetcher gives up");

        Assert.Equal(MediaState.Failed, message.MediaState);
        Assert.StartsWith("Expired on WhatsApp", message.MediaError);
    }

    /// <summary>Posts a signed LINE webhook and waits until its message (LINE id <paramref name="lineMessageId"/>) meets <paramref name="settled"/>.</summary>
    private async Task<Message> ReceiveLineAsync(string body, string lineMessageId, Func<Message, bool> settled, string because)
    {
        (await App.CreateClient().PostLineAsync(body)).EnsureSuccessStatusCode();
        await using var db = App.CreateDbContext();
        return (await Eventually.GetAsync(() => db.Messages.AsNoTracking().FirstOrDefaultAsync(m => m.ProviderMessageId == lineMessageId),
            m => m is not null && settled(m), Settle, because))!;
    }

    private string[] FilesOf(Guid messageId) => Directory.Exists(fixture.MediaFolder)
        ? Directory.GetFiles(fixture.MediaFolder, messageId.ToString("N") + "*", SearchOption.AllDirectories)
        : [];

    [Fact]
    public async Task A_photo_the_patient_unsends_on_LINE_is_deleted_from_the_store_and_no_longer_served()
    {
        var (user, lineId) = (LinePayloads.NewUserId(), LinePayloads.NewMessageId());
        Line.AddContent(lineId, RandomNumberGenerator.GetBytes(400), "image/jpeg");
        var stored = await ReceiveLineAsync(LinePayloads.Envelope(LinePayloads.ImageEvent(user, lineId)), lineId,
            m => m.MediaState == MediaState.Stored, "the fetcher stores the photo");
        Assert.Single(FilesOf(stored.Id));
        var client = await StaffSignIn.SignedInClientAsync(App, StaffSignIn.Receptionist);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/media/{stored.Id}")).StatusCode);

        var unsent = await ReceiveLineAsync(LinePayloads.Envelope(LinePayloads.UnsendEvent(user, lineId)), lineId,
            m => m.UnsentAt is not null && m.MediaNextAttemptAt is null, "the unsend is applied and the fetcher has dealt with the file");

        Assert.Equal(MediaState.Failed, unsent.MediaState);
        Assert.Equal("Unsent by the patient", unsent.MediaError);
        Assert.Empty(FilesOf(stored.Id));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/media/{stored.Id}")).StatusCode);
    }

    [Fact]
    public async Task A_photo_unsent_before_it_was_downloaded_is_never_downloaded()
    {
        var (user, lineId) = (LinePayloads.NewUserId(), LinePayloads.NewMessageId());
        Line.AddContent(lineId, RandomNumberGenerator.GetBytes(400), "image/jpeg");

        var unsent = await ReceiveLineAsync(LinePayloads.Envelope(LinePayloads.ImageEvent(user, lineId), LinePayloads.UnsendEvent(user, lineId)), lineId,
            m => m.UnsentAt is not null && m.MediaNextAttemptAt is null, "the fetcher has dealt with the unsent photo");

        Assert.Equal(MediaState.Failed, unsent.MediaState);
        Assert.Empty(Line.Requests($"/v2/bot/message/{lineId}/content"));
        Assert.Empty(FilesOf(unsent.Id));
    }

    [Fact]
    public async Task A_stored_file_of_an_unsent_message_is_not_served_even_before_it_is_deleted()
    {
        var message = await ReceivePhotoAsync(RandomNumberGenerator.GetBytes(100), NewMediaId());
        await using (var db = App.CreateDbContext())
        {
            // Unsent with no due time: the fetcher leaves the file where it is, so only the endpoint's own check stands.
            await db.Messages.Where(m => m.Id == message.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.UnsentAt, DateTimeOffset.UtcNow));
        }
        Assert.Single(FilesOf(message.Id));

        var client = await StaffSignIn.SignedInClientAsync(App, StaffSignIn.Admin);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/media/{message.Id}")).StatusCode);
        Assert.Equal(0, await MediaReadsAsync(message.Id));
    }

    [Fact]
    public async Task A_player_seeking_through_a_file_is_audited_once_for_the_read_from_the_start()
    {
        var bytes = RandomNumberGenerator.GetBytes(1000);
        var message = await ReceivePhotoAsync(bytes, NewMediaId());
        var client = await StaffSignIn.SignedInClientAsync(App, StaffSignIn.Receptionist);

        async Task<HttpResponseMessage> GetRangeAsync(long from, long? to)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, $"/media/{message.Id}");
            request.Headers.Range = new System.Net.Http.Headers.RangeHeaderValue(from, to);
            return await client.SendAsync(request);
        }

        var first = await GetRangeAsync(0, null);
        Assert.Equal(HttpStatusCode.PartialContent, first.StatusCode);
        Assert.Equal(1, await MediaReadsAsync(message.Id));

        var seek = await GetRangeAsync(600, 799);
        Assert.Equal(HttpStatusCode.PartialContent, seek.StatusCode);
        Assert.Equal(bytes[600..800], await seek.Content.ReadAsByteArrayAsync());
        Assert.Equal(1, await MediaReadsAsync(message.Id));

        // Opening it again (no Range) is another read.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/media/{message.Id}")).StatusCode);
        Assert.Equal(2, await MediaReadsAsync(message.Id));
    }
}
