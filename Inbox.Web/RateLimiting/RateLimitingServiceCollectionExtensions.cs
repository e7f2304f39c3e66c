using System.Threading.RateLimiting;
using Inbox.Core.Channels;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Inbox.Web.RateLimiting;

/// <summary>The endpoint policies of ASP.NET Core's rate limiter (sign-in is limited globally, by path).</summary>
internal static class RateLimitPolicies
{
    public const string Webhooks = "webhooks";
}

/// <summary>ASP.NET Core's rate limiter: sign-in attempts (global, by path) and webhooks (<see cref="RateLimitPolicies.Webhooks"/>).</summary>
internal static class RateLimitingServiceCollectionExtensions
{

    public static IServiceCollection AddInboxRateLimiting(this IServiceCollection services)
    {
        services.AddOptions<SignInRateLimitOptions>().BindConfiguration(SignInRateLimitOptions.Section)
            .Validate(o => o.PermitsPerAddress > 0 && o.PermitsPerEmail > 0 && o.Window > TimeSpan.Zero, "RateLimits:SignIn needs positive permits and window.")
            .ValidateOnStart();
        services.AddOptions<WebhookRateLimitOptions>().BindConfiguration(WebhookRateLimitOptions.Section)
            .Validate(o => o.TokenLimit > 0 && o.TokensPerPeriod > 0 && o.ReplenishmentPeriod > TimeSpan.Zero, "RateLimits:Webhooks needs positive tokens and period.")
            .ValidateOnStart();

        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>().Configure<IOptions<SignInRateLimitOptions>, IOptions<WebhookRateLimitOptions>>((o, signIn, webhooks) =>
        {
            o.GlobalLimiter = SignInLimiter(signIn.Value);
            o.AddPolicy(RateLimitPolicies.Webhooks, http => RateLimitPartition.GetTokenBucketLimiter(WebhookPartition(http), _ => new TokenBucketRateLimiterOptions
            {
                TokenLimit = webhooks.Value.TokenLimit,
                TokensPerPeriod = webhooks.Value.TokensPerPeriod,
                ReplenishmentPeriod = webhooks.Value.ReplenishmentPeriod,
                QueueLimit = 0,
                AutoReplenishment = true,
            }));
            o.OnRejected = RateLimitRefusal.RespondAsync;
        });
        return services;
    }

    /// <summary>Per address, then per email: an attacker spraying emails from one address is stopped by the first.</summary>
    private static PartitionedRateLimiter<HttpContext> SignInLimiter(SignInRateLimitOptions options)
    {
        FixedWindowRateLimiterOptions Window(int permits) => new() { PermitLimit = permits, Window = options.Window, QueueLimit = 0, AutoReplenishment = true };

        var byAddress = PartitionedRateLimiter.Create<HttpContext, string>(http => SignInAttempts.IsSignInPost(http)
            ? RateLimitPartition.GetFixedWindowLimiter("address:" + ClientAddress(http), _ => Window(options.PermitsPerAddress))
            : RateLimitPartition.GetNoLimiter(""));
        var byEmail = PartitionedRateLimiter.Create<HttpContext, string>(http => SignInAttempts.IsSignInPost(http) && SignInAttempts.EmailOf(http) is { } email
            ? RateLimitPartition.GetFixedWindowLimiter("email:" + email, _ => Window(options.PermitsPerEmail))
            : RateLimitPartition.GetNoLimiter(""));
        return PartitionedRateLimiter.CreateChained(byAddress, byEmail);
    }

    // An unknown channel name gets one shared bucket, so made-up routes cannot create buckets without end.
    private static string WebhookPartition(HttpContext http) => WebhookChannel(http) + "|" + ClientAddress(http);

    /// <summary>The webhook's channel, or "unknown": never the raw route value, which anyone can make up.</summary>
    public static string WebhookChannel(HttpContext http) =>
        http.Request.RouteValues["channel"] is string slug && ChannelNames.TryParseSlug(slug, out var channel) ? channel.ToString() : "unknown";

    private static string ClientAddress(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
