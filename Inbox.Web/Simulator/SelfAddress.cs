using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Inbox.Web.Simulator;

/// <summary>This app's own loopback address, read from the server rather than assumed: ports differ per run.</summary>
public sealed class SelfAddress(IServer server)
{
    public Uri Get()
    {
        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            ?? addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The server has no listening address yet.");
        // Wildcard and host names bind every interface; the app is always reachable on loopback.
        var uri = new UriBuilder(address.Replace("://+", "://127.0.0.1").Replace("://*", "://127.0.0.1"));
        if (uri.Host is "0.0.0.0" or "[::]" or "::" or "localhost") uri.Host = "127.0.0.1";
        return uri.Uri;
    }
}
