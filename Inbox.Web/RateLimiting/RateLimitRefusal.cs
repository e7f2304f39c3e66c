using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.WebUtilities;

namespace Inbox.Web.RateLimiting;

/// <summary>
/// What a refused request gets: a person at the sign-in form is sent back to the sign-in page, which says how
/// long to wait; everything else (webhooks, scripts) gets 429 with Retry-After, which the platforms honour.
/// </summary>
internal static class RateLimitRefusal
{
    /// <summary>The sign-in page reads this query value and shows the wait.</summary>
    public const string RetryAfterQuery = "retryAfter";

    public static async ValueTask RespondAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : 60;
        var signIn = SignInAttempts.IsSignInPost(http);

        // Neither the address nor the email: both are personal data, and the limit's name says enough.
        http.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Inbox.RateLimiting").LogWarning(
            "{Limit} rate limit refused a request; retry after {Seconds} s",
            signIn ? "Sign-in" : $"Webhook ({RateLimitingServiceCollectionExtensions.WebhookChannel(http)})",
            seconds);

        if (signIn && http.Request.HasFormContentType)
        {
            // Post/redirect/get: back to the form (keeping where the person was going), which explains the wait.
            var query = QueryHelpers.ParseQuery(http.Request.QueryString.Value)
                .Where(q => q.Key != RetryAfterQuery)
                .ToDictionary(q => q.Key, q => (string?)q.Value.ToString());
            query[RetryAfterQuery] = seconds.ToString(CultureInfo.InvariantCulture);
            http.Response.Redirect(QueryHelpers.AddQueryString(SignInAttempts.Path, query));
            http.Response.StatusCode = StatusCodes.Status303SeeOther;
            return;
        }

        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await Results.Problem(
            title: "Too many requests.",
            detail: $"Try again in {seconds} s.",
            statusCode: StatusCodes.Status429TooManyRequests).ExecuteAsync(http);
    }
}
