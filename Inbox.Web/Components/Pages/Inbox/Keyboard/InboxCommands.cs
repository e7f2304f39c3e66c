namespace Inbox.Web.Components.Pages.Inbox.Keyboard;

/// <summary>
/// The circuit's command bus between the shortcut listener and the components that act (composer, search box, list).
/// Scoped: one per browser tab. Handlers run on the renderer's dispatcher (the listener invokes from there).
/// </summary>
public sealed class InboxCommands
{
    /// <summary>Each handler answers whether the command was its to handle.</summary>
    public event Func<InboxCommand, Task<bool>>? Raised;

    /// <summary>The conversation ids in list order, as the list shows them: j and k move through these.</summary>
    public IReadOnlyList<Guid> ListOrder { get; set; } = [];

    /// <summary>Raises <paramref name="command"/>; false when nothing on the page handles it.</summary>
    public async Task<bool> RaiseAsync(InboxCommand command)
    {
        if (Raised is not { } handlers) return false;
        var handled = false;
        foreach (var handler in handlers.GetInvocationList().Cast<Func<InboxCommand, Task<bool>>>()) handled |= await handler(command);
        return handled;
    }

    /// <summary>The conversation after (or before) <paramref name="current"/> in the list; the first one when none is open.</summary>
    public Guid? Neighbour(Guid? current, int step)
    {
        if (ListOrder.Count == 0) return null;
        var index = current is { } id ? ListOrder.ToList().IndexOf(id) : -1;
        if (index < 0) return ListOrder[0];
        var next = index + step;
        return next >= 0 && next < ListOrder.Count ? ListOrder[next] : null;
    }
}
