using Inbox.Core.Bot;
using Inbox.Core.Realtime;
using Inbox.Web.Auth;
using Inbox.Web.Realtime;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;
using MudBlazor;

namespace Inbox.Web.Components.Pages.Handovers;

/// <summary>
/// The agents' live handover queue. Any conversation change may add or remove a row, so every change re-reads the
/// (short) queue; a one-second tick keeps the wait times moving. New urgent rows can ring and notify (opt-in).
/// </summary>
public partial class HandoverQueuePage : LiveComponentBase, IAsyncDisposable
{
    private IReadOnlyList<HandoverQueueItem>? _items;
    private readonly HashSet<Guid> _seenUrgent = [];
    private ITimer? _tick;
    private IJSObjectReference? _alertsModule;
    private bool _alerts;
    // Set once the circuit is interactive: from then on the queue updates live (tests wait for it).
    private bool _live;

    [Inject] private ICallerInboxScope Caller { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private IJSRuntime JS { get; set; } = null!;
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = null!;

    protected override async Task OnInitializedAsync()
    {
        await RefreshAsync();
        foreach (var item in _items!.Where(i => i.Priority == Core.Conversations.Priority.Urgent)) _seenUrgent.Add(item.ConversationId);
        _tick = Time.CreateTimer(_ => InvokeAsync(StateHasChanged), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender) return;
        _alertsModule = await JS.InvokeAsync<IJSObjectReference>("import", "./Components/Pages/Handovers/HandoverQueuePage.razor.js");
        _alerts = await _alertsModule.InvokeAsync<bool>("enabled");
        _live = true;
        StateHasChanged();
    }

    protected override bool Accept(IReadOnlyList<InboxChange> changes) => changes.Any(c => c.Kind == InboxChangeKind.ConversationUpdated);

    protected override void MarkAllStale() { }

    protected override async Task RefreshAsync()
    {
        var scope = await Caller.GetAsync();
        _items = await Scoped.RunAsync<IHandoverDesk, IReadOnlyList<HandoverQueueItem>>(d => d.QueueAsync(scope, CancellationToken.None));
        var newUrgent = _items.Where(i => i.Priority == Core.Conversations.Priority.Urgent && _seenUrgent.Add(i.ConversationId)).ToList();
        // No patient name in the notification: it shows on the lock screen.
        if (newUrgent.Count > 0 && _alerts && _alertsModule is not null)
            await _alertsModule.InvokeVoidAsync("ring", $"Urgent handover: {newUrgent[0].Reason}");
    }

    private async Task SetAlertsAsync(bool on)
    {
        _alerts = on;
        if (_alertsModule is not null) _alerts = await _alertsModule.InvokeAsync<bool>("setEnabled", on);
    }

    private async Task TakeAsync(HandoverQueueItem item)
    {
        var user = (await AuthState).User;
        var scope = await Caller.GetAsync();
        var outcome = await Scoped.RunAsync<IHandoverDesk, OwnershipOutcome>(d =>
            d.TakeAsync(scope, item.ConversationId, StaffClaims.IdOf(user) ?? "unknown", StaffClaims.ActorOf(user), StaffClaims.IpOf(user), CancellationToken.None));
        if (outcome == OwnershipOutcome.Done)
        {
            Navigation.NavigateTo($"conversations/{item.ConversationId}");
            return;
        }
        Snackbar.Add("Someone else has just taken this conversation.", Severity.Warning);
        await RefreshAsync();
    }

    private string Waited(HandoverQueueItem item)
    {
        var waited = Time.GetUtcNow() - item.HandedOverAt;
        if (waited < TimeSpan.Zero) waited = TimeSpan.Zero;
        return waited.TotalHours >= 1 ? $"{(int)waited.TotalHours} h {waited.Minutes:00} min" : $"{waited.Minutes} min {waited.Seconds:00} s";
    }

    private static string FirstLine(string text) => text.Split('\n', 2)[0];

    public override void Dispose()
    {
        _tick?.Dispose();
        base.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        Dispose();
        if (_alertsModule is not null)
        {
            try { await _alertsModule.DisposeAsync(); }
            catch (JSDisconnectedException) { }
        }
        GC.SuppressFinalize(this);
    }
}
