namespace Inbox.Web.RateLimiting;

/// <summary>Recognises a sign-in form post and reads the email it submits (the per-email limit's key).</summary>
internal static class SignInAttempts
{
    public const string Path = "/account/login";
    private const string EmailField = "Input.Email";

    public static bool IsSignInPost(HttpContext http) =>
        HttpMethods.IsPost(http.Request.Method) && http.Request.Path.Equals(Path, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Rate limiter partitions are chosen synchronously, so the form is read (and cached for the page) before
    /// the limiter runs. Only sign-in posts, which are small.
    /// </summary>
    public static IApplicationBuilder UseSignInFormBuffering(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (IsSignInPost(http) && http.Request.HasFormContentType)
        {
            try { await http.Request.ReadFormAsync(http.RequestAborted); }
            catch (InvalidDataException) { } // a malformed form is the sign-in page's to refuse
        }
        await next(http);
    });

    /// <summary>The submitted email, trimmed and lower-cased so "Ann@x" and "ann@x " share one limit; null when none.</summary>
    public static string? EmailOf(HttpContext http) =>
        http.Request.HasFormContentType && http.Request.Form[EmailField].ToString().Trim() is { Length: > 0 } email
            ? email.ToLowerInvariant()
            : null;
}
