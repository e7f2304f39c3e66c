using System.Text.RegularExpressions;
using Inbox.Tests.Support;
using Microsoft.Playwright;

namespace Inbox.Tests.Browser;

/// <summary>Automatic logoff as the person sees it: a warning first, then the sign-in page, with a short timeout.</summary>
public sealed class IdleSignOutBrowserTests(IdleSignOutBrowserTests.ShortIdle fixture) : IClassFixture<IdleSignOutBrowserTests.ShortIdle>
{
    public sealed class ShortIdle : BrowserAppFixture
    {
        protected override IReadOnlyDictionary<string, string?> ExtraSettings { get; } =
            new Dictionary<string, string?> { ["Security:IdleTimeout"] = "00:00:12" };
    }

    [Fact]
    public async Task An_idle_page_warns_then_returns_to_sign_in_and_the_inbox_is_closed()
    {
        var page = await fixture.SignInAsync(StaffSignIn.Receptionist);
        await Assertions.Expect(page.GetByTestId("conversation-list")).ToBeVisibleAsync();

        await Assertions.Expect(page.GetByTestId("idle-warning")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/login\\?reason=idle"), new() { Timeout = 20_000 });
        await Assertions.Expect(page.GetByTestId("login-notice")).ToContainTextAsync("quiet spell");

        await page.GotoAsync("/");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/login"));
    }
}
