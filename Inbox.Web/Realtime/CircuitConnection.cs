using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Inbox.Web.Realtime;

/// <summary>
/// Tells this circuit's live components when the browser is connected again after a drop, so they
/// re-read what they show: changes published while the connection was down never reached the page.
/// </summary>
public sealed class CircuitConnection : CircuitHandler
{
    private bool _wasDown;

    /// <summary>Raised after a reconnect (not on the first connection).</summary>
    public event Func<Task>? Reconnected;

    /// <summary>
    /// Raised when the browser's connection drops. The circuit lives on for minutes in case it comes back, so whatever
    /// says "this person is here" (thread presence) withdraws now and returns on <see cref="Reconnected"/>.
    /// </summary>
    public event Action? Disconnected;

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        _wasDown = true;
        Disconnected?.Invoke();
        return Task.CompletedTask;
    }

    public override async Task OnConnectionUpAsync(Circuit circuit, CancellationToken cancellationToken)
    {
        if (!_wasDown) return;
        _wasDown = false;
        if (Reconnected is { } handlers)
            foreach (var handler in handlers.GetInvocationList().Cast<Func<Task>>())
                await handler();
    }
}
