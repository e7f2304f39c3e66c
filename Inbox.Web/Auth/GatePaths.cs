namespace Inbox.Web.Auth;

/// <summary>Which requests the pipeline's gates (first-run setup, account gates, friendly status pages) leave alone.</summary>
internal static class GatePaths
{
    /// <summary>Machines answer for themselves: webhooks, the API, probes, the API's description.</summary>
    public static bool IsMachineEndpoint(PathString path) =>
        path.StartsWithSegments("/webhooks") || path.StartsWithSegments("/api") || path.StartsWithSegments("/hubs") || path.StartsWithSegments("/health") || path.StartsWithSegments("/openapi");

    /// <summary>Machines, the framework's scripts, static files and the error pages: never redirected by a gate.</summary>
    public static bool IsPlumbing(PathString path) =>
        IsMachineEndpoint(path)
        || path.StartsWithSegments("/_framework") || path.StartsWithSegments("/_content")
        || path.StartsWithSegments("/not-found") || path.StartsWithSegments("/Error")
        || Path.HasExtension(path.Value);
}
