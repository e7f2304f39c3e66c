using Inbox.Core.Bot;
using Inbox.Core.Realtime;
using Inbox.Web.Auth;
using Inbox.Web.Realtime;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Inbox.Web.Components.Pages.Inbox;

public partial class HandoverCard : LiveComponentBase
{
    private OwnershipView? _view;
    private Guid _loadedFor;

    [Inject] private ICallerInboxScope Caller { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = null!;

    [Parameter, EditorRequired] public Guid ConversationId { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        if (_loadedFor == ConversationId) return;
        _loadedFor = ConversationId;
        _view = null;
        await RefreshAsync();
    }

    protected override bool Accept(IReadOnlyList<InboxChange> changes) =>
        changes.Any(c => c.ConversationId == ConversationId && c.Kind == InboxChangeKind.ConversationUpdated);

    protected override void MarkAllStale() { }

    protected override async Task RefreshAsync()
    {
        var id = ConversationId;
        var scope = await Caller.GetAsync();
        var view = await Scoped.RunAsync<IHandoverDesk, OwnershipView?>(d => d.ViewAsync(scope, id, CancellationToken.None));
        if (id == ConversationId) _view = view;
    }

    private async Task TakeAsync()
    {
        var user = (await AuthState).User;
        var (scope, id, agent) = (await Caller.GetAsync(), ConversationId, StaffClaims.IdOf(user) ?? "unknown");
        var outcome = await Scoped.RunAsync<IHandoverDesk, OwnershipOutcome>(d =>
            d.TakeAsync(scope, id, agent, StaffClaims.ActorOf(user), StaffClaims.IpOf(user), CancellationToken.None));
        if (outcome == OwnershipOutcome.Conflict) Snackbar.Add("Someone else has just taken this conversation.", Severity.Warning);
        await RefreshAsync();
    }

    private async Task HandBackAsync()
    {
        var user = (await AuthState).User;
        var (scope, id) = (await Caller.GetAsync(), ConversationId);
        var outcome = await Scoped.RunAsync<IHandoverDesk, OwnershipOutcome>(d =>
            d.HandBackAsync(scope, id, StaffClaims.ActorOf(user), StaffClaims.IpOf(user), CancellationToken.None));
        if (outcome == OwnershipOutcome.Done) Snackbar.Add("Handed back: the bot answers the patient's next message.", Severity.Info);
        await RefreshAsync();
    }
}
