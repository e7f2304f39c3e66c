using Inbox.Web.Auth;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Inbox.Web.Presence;

/// <summary>Feeds <see cref="StaffPresenceTracker"/> from this circuit: opened, connection up or down, every event from the browser, closed.</summary>
internal sealed class PresenceCircuitHandler(StaffPresenceTracker tracker, AuthenticationStateProvider authentication) : CircuitHandler
{
    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        if (StaffClaims.IdOf(user) is { } staffId) tracker.Opened(circuit.Id, staffId);
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        tracker.Connection(circuit.Id, connected: true);
        return Task.CompletedTask;
    }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        tracker.Connection(circuit.Id, connected: false);
        return Task.CompletedTask;
    }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        tracker.Closed(circuit.Id);
        return Task.CompletedTask;
    }

    // Clicks, keys and navigation all arrive as inbound activity: the person is at their desk.
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) => context =>
    {
        tracker.Activity(context.Circuit.Id);
        return next(context);
    };
}
