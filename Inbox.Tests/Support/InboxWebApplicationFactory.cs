using Inbox.Infrastructure.Persistence;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Tests.Support;

/// <summary>
/// The real app on a real SQLite file (real migrations, WAL) in a temp folder, with test settings:
/// fake but clearly-test secrets, no demo seed, and platform base URLs pointing at local fakes.
/// Call <see cref="StartKestrel"/> for a real port (browser tests); otherwise use the in-memory test server.
/// </summary>
public class InboxWebApplicationFactory : WebApplicationFactory<Program>
{
    public const string WhatsAppAppSecret = "fake-app-secret-for-tests-only";
    public const string WhatsAppVerifyToken = "test-verify-token";
    public const string WhatsAppPhoneNumberId = "109283746501928";
    public const string MessengerAppSecret = "fake-app-secret-for-tests-only";
    public const string MessengerVerifyToken = "test-messenger-verify-token";
    /// <summary>The page of the Messenger fixtures (Inbox.Tests/Fixtures/messenger).</summary>
    public const string MessengerPageId = "104857293847561";
    public const string MessengerPageAccessToken = "test-page-token-NOT-A-SECRET";
    public const string LineChannelSecret = "fake-channel-secret-for-tests-only";
    public const string LineChannelAccessToken = "test-line-token-NOT-A-SECRET";
    public const string ApiKey = "test-api-key-NOT-A-SECRET";
    public const string DemoPassword = "Test-Clinic-2026";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "inbox-tests", Guid.NewGuid().ToString("N"));
    private readonly Dictionary<string, string?> _settings;
    private bool _kestrel;

    private readonly Action<IServiceCollection>? _services;

    private readonly string _environment;

    /// <param name="environment">"Development" (demo users seeded) unless a test needs production behaviour, such as first-run setup.</param>
    public InboxWebApplicationFactory(IDictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null, string environment = "Development")
    {
        _services = services;
        _environment = environment;
        Directory.CreateDirectory(_folder);
        DatabasePath = Path.Combine(_folder, "inbox.db");
        _settings = new Dictionary<string, string?>
        {
            ["Database:Provider"] = "Sqlite",
            ["ConnectionStrings:Inbox"] = $"Data Source={DatabasePath}",
            ["Demo:Seed"] = "false",
            ["DataProtection:KeysPath"] = Path.Combine(_folder, "keys"),
            // The demo users (one per role) sign in with this in tests.
            ["Demo:Password"] = DemoPassword,
            ["Api:DevelopmentKey"] = ApiKey,
            ["Channels:WhatsApp:AppSecret"] = WhatsAppAppSecret,
            ["Channels:WhatsApp:VerifyToken"] = WhatsAppVerifyToken,
            ["Channels:WhatsApp:PhoneNumberId"] = WhatsAppPhoneNumberId,
            ["Channels:WhatsApp:AccessToken"] = "test-token",
            // Nothing may call the real platforms from a test: an unconfigured fake fails fast.
            ["Channels:WhatsApp:GraphApiBaseUrl"] = "http://127.0.0.1:9",
            ["Channels:Messenger:AppSecret"] = MessengerAppSecret,
            ["Channels:Messenger:VerifyToken"] = MessengerVerifyToken,
            ["Channels:Messenger:PageId"] = MessengerPageId,
            ["Channels:Messenger:PageAccessToken"] = MessengerPageAccessToken,
            ["Channels:Messenger:GraphApiBaseUrl"] = "http://127.0.0.1:9",
            // One LINE channel with no ChannelId: it is served as the `default` account.
            ["Channels:Line:ChannelSecret"] = LineChannelSecret,
            ["Channels:Line:ChannelAccessToken"] = LineChannelAccessToken,
            ["Channels:Line:ApiBaseUrl"] = "http://127.0.0.1:9",
            ["Outbound:RetryBaseDelay"] = "00:00:00.200",
            ["Outbound:RetryMaxDelay"] = "00:00:02",
            // Every test client shares one address and the demo emails: only the rate limit tests (which set their own) may hit the limits.
            ["RateLimits:SignIn:PermitsPerAddress"] = "10000",
            ["RateLimits:SignIn:PermitsPerEmail"] = "10000",
        };
        if (settings is not null)
            foreach (var (key, value) in settings) _settings[key] = value;
    }

    public string DatabasePath { get; }

    /// <summary>The app's base address once <see cref="StartKestrel"/> has run.</summary>
    public Uri? ServerAddress { get; private set; }

    /// <summary>Serves the app on a real loopback port (for browsers and SignalR clients).</summary>
    public InboxWebApplicationFactory StartKestrel()
    {
        _kestrel = true;
        UseKestrel(0);
        StartServer();
        var address = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        ServerAddress = new Uri(address.Replace("[::]", "127.0.0.1").Replace("localhost", "127.0.0.1"));
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(_environment);
        // UseSetting, not ConfigureAppConfiguration: Program reads some settings while registering services,
        // before configuration callbacks of the factory would apply.
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        if (_kestrel) builder.UseUrls("http://127.0.0.1:0");
        if (_services is not null) builder.ConfigureTestServices(_services);
    }

    /// <summary>A fresh DbContext on the test database, for arranging and asserting.</summary>
    public InboxDbContext CreateDbContext()
    {
        var scope = Services.CreateScope();
        return scope.ServiceProvider.GetRequiredService<InboxDbContext>();
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (!disposing) return;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (Environment.GetEnvironmentVariable("INBOX_KEEP_TEST_DB") is null)
            try { Directory.Delete(_folder, recursive: true); } catch (IOException) { }
    }
}
