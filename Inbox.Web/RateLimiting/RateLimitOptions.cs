namespace Inbox.Web.RateLimiting;

/// <summary>`RateLimits:SignIn:*`: sign-in attempts per client address and per submitted email, in a fixed window.</summary>
public sealed class SignInRateLimitOptions
{
    public const string Section = "RateLimits:SignIn";

    /// <summary>A whole clinic often shares one address (NAT), so this is higher than the per-email limit.</summary>
    public int PermitsPerAddress { get; set; } = 20;
    public int PermitsPerEmail { get; set; } = 10;
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);
}

/// <summary>
/// `RateLimits:Webhooks:*`: a token bucket per channel and client address. Generous on purpose: the platforms
/// send bursts and retry what is refused; this only stops a runaway or hostile sender from flooding the store.
/// </summary>
public sealed class WebhookRateLimitOptions
{
    public const string Section = "RateLimits:Webhooks";

    /// <summary>The largest burst.</summary>
    public int TokenLimit { get; set; } = 40_000;
    /// <summary>Sustained rate: this many requests per <see cref="ReplenishmentPeriod"/> (20,000/s by default, well above load tests).</summary>
    public int TokensPerPeriod { get; set; } = 20_000;
    public TimeSpan ReplenishmentPeriod { get; set; } = TimeSpan.FromSeconds(1);
}
