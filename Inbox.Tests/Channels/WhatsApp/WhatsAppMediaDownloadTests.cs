using Inbox.Core.Channels;
using Inbox.Infrastructure.Channels.WhatsApp;
using Inbox.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Inbox.Tests.Channels.WhatsApp;

/// <summary>The two-step Cloud API media download against a fake Graph API over real HTTP.</summary>
public sealed class WhatsAppMediaDownloadTests : IDisposable
{
    private const string Account = FakeGraphApi.PhoneNumberId;
    private readonly FakeGraphApi _graph = new();
    private readonly WhatsAppAdapter _adapter;

    public WhatsAppMediaDownloadTests() => _adapter = AdapterWithToken(FakeGraphApi.AccessToken);

    private WhatsAppAdapter AdapterWithToken(string token) => new(new HttpClient(),
        new TestOptions<WhatsAppOptions>(new WhatsAppOptions { GraphApiBaseUrl = _graph.Url }),
        new StaticChannelAccounts(StaticChannelAccounts.Account(ChannelKind.WhatsApp, Account, ("AppSecret", "s"), ("AccessToken", token))),
        NullLogger<WhatsAppAdapter>.Instance);

    public void Dispose() => _graph.Dispose();

    private static InboundMedia Media(string id) => new(id, "image/jpeg", null, null);

    private static async Task<byte[]> ReadAllAsync(MediaDownload download)
    {
        using var copy = new MemoryStream();
        await download.Content!.CopyToAsync(copy);
        return copy.ToArray();
    }

    [Fact]
    public async Task The_file_is_fetched_by_looking_up_its_url_then_downloading_it_with_the_token()
    {
        var bytes = "fake jpeg bytes"u8.ToArray();
        _graph.ServeMedia("1187432095561203", bytes, "image/jpeg");

        await using var download = await _adapter.DownloadMediaAsync(Account, Media("1187432095561203"), default);

        Assert.True(download.Succeeded, download.Error);
        Assert.Equal(bytes, await ReadAllAsync(download));
        Assert.Equal("image/jpeg", download.ContentType);
        Assert.Equal(bytes.Length, download.Length);
        Assert.Equal(1, _graph.LookupRequests("1187432095561203"));
        Assert.Equal(1, _graph.FileRequests("1187432095561203"));
    }

    [Fact]
    public async Task An_expired_url_is_renewed_once_and_the_download_succeeds()
    {
        _graph.ServeMedia("2231908876543210", "%PDF-1.7 fake"u8.ToArray(), "application/pdf");
        _graph.ExpireFirstMediaUrl("2231908876543210");

        await using var download = await _adapter.DownloadMediaAsync(Account, Media("2231908876543210"), default);

        Assert.True(download.Succeeded, download.Error);
        Assert.Equal(2, _graph.LookupRequests("2231908876543210"));
        Assert.Equal(2, _graph.FileRequests("2231908876543210"));
    }

    [Fact]
    public async Task A_media_id_whatsapp_no_longer_has_is_a_permanent_failure_saying_it_expired()
    {
        _graph.FailMedia("3348201957730112", 404, FakeGraphApi.GraphError(100, "Unsupported get request."));

        var download = await _adapter.DownloadMediaAsync(Account, Media("3348201957730112"), default);

        Assert.Equal(SendFailureKind.Permanent, download.FailureKind);
        Assert.StartsWith("Expired on WhatsApp", download.Error);
    }

    [Fact]
    public async Task A_url_that_is_still_missing_after_one_renewal_is_permanent()
    {
        _graph.ServeMedia("4410983265120987", [1, 2, 3], "image/png");
        _graph.LoseMediaFile("4410983265120987");

        var download = await _adapter.DownloadMediaAsync(Account, Media("4410983265120987"), default);

        Assert.Equal(SendFailureKind.Permanent, download.FailureKind);
        Assert.StartsWith("Expired on WhatsApp", download.Error);
        Assert.Equal(2, _graph.FileRequests("4410983265120987"));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    [InlineData(429)]
    public async Task An_outage_is_transient(int status)
    {
        _graph.FailMedia("6630215948372015", status);

        var download = await _adapter.DownloadMediaAsync(Account, Media("6630215948372015"), default);

        Assert.Equal(SendFailureKind.Transient, download.FailureKind);
        Assert.Contains("retried", download.Error);
    }

    [Fact]
    public async Task An_unreachable_platform_is_transient()
    {
        var adapter = new WhatsAppAdapter(new HttpClient(), new TestOptions<WhatsAppOptions>(new WhatsAppOptions { GraphApiBaseUrl = "http://127.0.0.1:9" }),
            new StaticChannelAccounts(StaticChannelAccounts.Account(ChannelKind.WhatsApp, Account, ("AccessToken", "t"))), NullLogger<WhatsAppAdapter>.Instance);

        var download = await adapter.DownloadMediaAsync(Account, Media("1"), default);

        Assert.Equal(SendFailureKind.Transient, download.FailureKind);
    }

    [Fact]
    public async Task A_refused_token_is_permanent_with_a_reason_an_admin_can_act_on()
    {
        _graph.ServeMedia("7741326059483126", [1], "image/jpeg");

        var download = await AdapterWithToken("revoked-token").DownloadMediaAsync(Account, Media("7741326059483126"), default);

        Assert.Equal(SendFailureKind.Permanent, download.FailureKind);
        Assert.Contains("access token", download.Error);
        Assert.Equal(0, _graph.FileRequests("7741326059483126"));
    }

    [Fact]
    public async Task A_number_that_is_not_connected_cannot_download()
    {
        var download = await _adapter.DownloadMediaAsync("999999999", Media("1"), default);

        Assert.Equal(SendFailureKind.Permanent, download.FailureKind);
        Assert.Contains("no longer connected", download.Error);
    }
}
