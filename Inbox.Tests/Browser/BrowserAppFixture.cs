using Inbox.Tests.Support;
using Microsoft.Playwright;

namespace Inbox.Tests.Browser;

/// <summary>
/// One app on a real port, one fake Graph API and one headless Chromium per test class.
/// Playwright drives the distribution's Chromium (INBOX_CHROMIUM, default /usr/bin/chromium): it never downloads a browser.
/// </summary>
public class BrowserAppFixture : IAsyncLifetime
{
    public FakeGraphApi Graph { get; } = new();
    public InboxWebApplicationFactory App { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    private IPlaywright _playwright = null!;

    public Uri BaseAddress => App.ServerAddress!;

    /// <summary>Settings a test class needs on top of the defaults.</summary>
    protected virtual IReadOnlyDictionary<string, string?> ExtraSettings { get; } = new Dictionary<string, string?>();

    public async Task InitializeAsync()
    {
        Assertions.SetDefaultExpectTimeout(20_000);
        Graph.AcceptAll();
        var settings = new Dictionary<string, string?>(ExtraSettings) { ["Channels:WhatsApp:GraphApiBaseUrl"] = Graph.Url };
        App = new InboxWebApplicationFactory(settings).StartKestrel();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("INBOX_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            // Without the networking flags Chromium keeps calling home, which this closed network refuses.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>A fresh browser context (its own cookies), signed in as <paramref name="email"/> through the real form, at <paramref name="path"/>.</summary>
    public async Task<IPage> SignInAsync(string email, string path = "/")
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = 1366, Height = 768 } });
        // Generous: on a 2-core CI machine the browser shares the CPU with parallel integration tests.
        context.SetDefaultTimeout(30_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/account/login?returnUrl=" + Uri.EscapeDataString(path));
        await page.GetByTestId("login-email").FillAsync(email);
        await page.GetByTestId("login-password").FillAsync(InboxWebApplicationFactory.DemoPassword);
        await page.GetByTestId("login-submit").ClickAsync();
        await page.WaitForURLAsync(url => new Uri(url).AbsolutePath == path, new PageWaitForURLOptions { WaitUntil = WaitUntilState.Commit });
        return page;
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await App.DisposeAsync();
        Graph.Dispose();
    }
}
