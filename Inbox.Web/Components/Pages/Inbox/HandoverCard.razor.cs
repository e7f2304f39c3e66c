using Inbox.Core.Bot;
using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Web.Auth;
using Inbox.Web.Realtime;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Inbox.Web.Components.Pages.Inbox;

/// <summary>
/// Driven by the page's conversation summary, which the page keeps fresh: a bot conversation needs no read of its own,
/// a handover's reason and summary are read when its ownership changes, and a thread people always owned shows nothing.
/// </summary>
public partial class HandoverCard : ComponentBase
{
    private HandoverDetails? _details;
    private (Guid Id, DateTimeOffset? HandedOverAt, ConversationStatus Status, string? AssigneeId)? _detailsOf;

    [Inject] private ScopedServices Scoped { get; set; } = null!;
    [Inject] private ICallerInboxScope Caller { get; set; } = null!;
    [Inject] private IChannelAccountDirectory Accounts { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = null!;

    [Parameter, EditorRequired] public ConversationListItem Conversation { get; set; } = null!;

    protected override async Task OnParametersSetAsync()
    {
        var c = Conversation;
        if (c.HandledBy == HandledBy.Bot || c.HandedOverAt is null)
        {
            (_details, _detailsOf) = (null, null);
            return;
        }
        // Taking it changes whether it waits; a new handover changes the reason.
        var key = (c.Id, c.HandedOverAt, c.Status, c.AssigneeId);
        if (_detailsOf == key) return;
        if (_detailsOf?.Id != c.Id) _details = null;
        _detailsOf = key;
        var scope = await Caller.GetAsync();
        var details = await Scoped.RunAsync<IHandoverDesk, HandoverDetails?>(d => d.DetailsAsync(scope, c.Id, CancellationToken.None));
        if (_detailsOf == key) _details = details;
    }

    // The desk publishes ConversationUpdated; the page re-reads the conversation and passes it back in.
    private async Task TakeAsync()
    {
        var user = (await AuthState).User;
        var (scope, id, agent) = (await Caller.GetAsync(), Conversation.Id, StaffClaims.IdOf(user) ?? "unknown");
        var outcome = await Scoped.RunAsync<IHandoverDesk, OwnershipOutcome>(d =>
            d.TakeAsync(scope, id, agent, StaffClaims.ActorOf(user), StaffClaims.IpOf(user), CancellationToken.None));
        if (outcome == OwnershipOutcome.Conflict) Snackbar.Add("Someone else has just taken this conversation.", Severity.Warning);
    }

    private async Task HandBackAsync()
    {
        var user = (await AuthState).User;
        var (scope, id) = (await Caller.GetAsync(), Conversation.Id);
        var outcome = await Scoped.RunAsync<IHandoverDesk, OwnershipOutcome>(d =>
            d.HandBackAsync(scope, id, StaffClaims.ActorOf(user), StaffClaims.IpOf(user), CancellationToken.None));
        if (outcome == OwnershipOutcome.Done) Snackbar.Add("Handed back: the bot answers the patient's next message.", Severity.Info);
    }
}
