using System.Collections.Concurrent;
using Inbox.Core.Staff;
using Inbox.Infrastructure.Workflow;

namespace Inbox.Web.Presence;

/// <summary>
/// Presence from this instance's circuits: a person with a connected circuit used within <see cref="IdleAfter"/>
/// is online, connected but idle is away, no circuit is offline — unless they chose away or offline in the app bar.
/// In memory: with several instances each sees only its own circuits (a shared store would be needed).
/// </summary>
public sealed class StaffPresenceTracker(TimeProvider clock, AutoAssignWork autoAssign, IConfiguration configuration) : IStaffPresence
{
    private readonly ConcurrentDictionary<string, Circuit> _circuits = new();
    private readonly ConcurrentDictionary<string, PresenceChoice> _choices = new();

    public TimeSpan IdleAfter { get; } = configuration.GetValue("Presence:IdleAfter", TimeSpan.FromMinutes(10));

    /// <summary>Someone's presence may have changed (their own menu listens).</summary>
    public event Action<string>? Changed;

    public PresenceStatus Of(string staffId)
    {
        var choice = ChoiceOf(staffId);
        if (choice == PresenceChoice.Offline) return PresenceStatus.Offline;
        var now = clock.GetUtcNow();
        var mine = _circuits.Values.Where(c => c.StaffId == staffId && c.Connected).ToList();
        if (mine.Count == 0) return PresenceStatus.Offline;
        if (choice == PresenceChoice.Away) return PresenceStatus.Away;
        return mine.Any(c => now - c.LastActivity < IdleAfter) ? PresenceStatus.Online : PresenceStatus.Away;
    }

    public PresenceChoice ChoiceOf(string staffId) => _choices.GetValueOrDefault(staffId, PresenceChoice.Automatic);

    public void Choose(string staffId, PresenceChoice choice)
    {
        _choices[staffId] = choice;
        Notify(staffId);
    }

    public void Opened(string circuitId, string staffId)
    {
        _circuits[circuitId] = new Circuit(staffId) { LastActivity = clock.GetUtcNow() };
        Notify(staffId);
    }

    public void Connection(string circuitId, bool connected)
    {
        if (!_circuits.TryGetValue(circuitId, out var circuit)) return;
        circuit.Connected = connected;
        if (connected) circuit.LastActivity = clock.GetUtcNow();
        Notify(circuit.StaffId);
    }

    public void Activity(string circuitId)
    {
        if (!_circuits.TryGetValue(circuitId, out var circuit)) return;
        var wasIdle = clock.GetUtcNow() - circuit.LastActivity >= IdleAfter;
        circuit.LastActivity = clock.GetUtcNow();
        if (wasIdle) Notify(circuit.StaffId);
    }

    public void Closed(string circuitId)
    {
        if (_circuits.TryRemove(circuitId, out var circuit)) Notify(circuit.StaffId);
    }

    private void Notify(string staffId)
    {
        // Someone coming online may take waiting conversations.
        autoAssign.Pulse();
        Changed?.Invoke(staffId);
    }

    private sealed class Circuit(string staffId)
    {
        public string StaffId { get; } = staffId;
        public bool Connected { get; set; } = true;
        public DateTimeOffset LastActivity { get; set; }
    }
}
