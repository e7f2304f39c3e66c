namespace Inbox.Web.Auth;

internal static class ReturnUrls
{
    /// <summary>Only ever back into this app: an open redirect would hand a phishing site a trusted link.</summary>
    public static string SafeLocal(string? returnUrl) =>
        !string.IsNullOrEmpty(returnUrl) && returnUrl.StartsWith('/') && !returnUrl.StartsWith("//") && !returnUrl.StartsWith("/\\") ? returnUrl : "/";
}
