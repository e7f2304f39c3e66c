using Inbox.Core.Audit;
using Inbox.Core.Contacts.Merging;
using Inbox.Core.Conversations;
using Inbox.Core.Realtime;
using Inbox.Web.Auth;
using Inbox.Web.Realtime;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components;

namespace Inbox.Web.Components.Pages.Inbox;

/// <summary>The three panes. The page keeps the open conversation's summary fresh (the composer's window depends on it).</summary>
public partial class InboxPage : LiveComponentBase
{
    private ConversationListItem? _conversation;
    private Guid? _markedFor;
    private DateTimeOffset? _markedReadAt;
    private bool _missing;

    [Parameter] public Guid? ConversationId { get; set; }
    /// <summary>`?message=`: a search result's message, brought into view in the thread.</summary>
    [SupplyParameterFromQuery] public Guid? Message { get; set; }
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = null!;
    [Inject] private IAuditTrail Audit { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;
    [Inject] private ICallerInboxScope Caller { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;

    /// <summary>
    /// The conversation whose opening was last recorded. Persisted from the prerender to the interactive render
    /// that follows it, so one opening is one audit entry, not one per render.
    /// </summary>
    [PersistentState] public Guid? RecordedReadOf { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        if (_conversation?.Id == ConversationId) return;
        _conversation = null;
        _missing = false;
        if (ConversationId is not { } id)
        {
            RecordedReadOf = null; // back to the list: opening the same thread again is a new reading
            return;
        }
        var conversation = await ReadAsync(id);
        if (id != ConversationId) return; // the user moved on while this was loading
        // Recorded before the thread is shown, as the API records before it answers.
        if (conversation is not null && RecordedReadOf != id)
        {
            await RecordReadAsync(conversation);
            RecordedReadOf = id;
        }
        (_conversation, _missing) = (conversation, conversation is null);
        if (conversation is not null && RendererInfo.IsInteractive) await MarkReadAsync(conversation);
    }

    private void OnChanged(ConversationListItem updated)
    {
        if (updated.Id == ConversationId) _conversation = updated;
    }

    /// <summary>
    /// The person has this thread open: it is read up to now, for them only. Re-marked when the patient writes while it
    /// is open — and only then, since marking publishes a change this page also hears.
    /// </summary>
    private async Task MarkReadAsync(ConversationListItem conversation)
    {
        if (_markedReadAt == conversation.LastInboundAt && _markedFor == conversation.Id) return;
        if (StaffClaims.IdOf((await AuthState).User) is not { } me) return;
        (_markedFor, _markedReadAt) = (conversation.Id, conversation.LastInboundAt);
        var scope = await Caller.GetAsync();
        await Scoped.RunAsync<IConversationWorkflow, bool>(async w => { await w.MarkReadAsync(scope, conversation.Id, me, CancellationToken.None); return true; });
    }

    // Opening a thread shows the patient's messages and details: both reads are audited.
    private async Task RecordReadAsync(ConversationListItem opened)
    {
        var user = (await AuthState).User;
        await Audit.RecordAsync(Clock, user, AuditActions.ConversationRead, AuditSubjects.Conversation, opened.Id.ToString());
        await Audit.RecordAsync(Clock, user, AuditActions.ContactRead, AuditSubjects.Contact, opened.ContactId.ToString());
    }

    protected override bool Accept(IReadOnlyList<InboxChange> changes) =>
        ConversationId is { } id && changes.Any(c => c.ConversationId == id);

    protected override void MarkAllStale() { }

    protected override Task RefreshAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        if (ConversationId is not { } id) return;
        var conversation = await ReadAsync(id);
        if (id != ConversationId) return;
        // A contact merge folded this thread into the patient's other one: follow it there.
        if (conversation is null && await FoldedIntoAsync(id) is { } survivor)
        {
            Navigation.NavigateTo($"/conversations/{survivor}");
            return;
        }
        _conversation = conversation;
        _missing = conversation is null;
        if (conversation is not null) await MarkReadAsync(conversation);
    }

    private async Task<Guid?> FoldedIntoAsync(Guid id)
    {
        var scope = await Caller.GetAsync();
        return await Scoped.RunAsync<IMergeReview, Guid?>(r => r.FoldedIntoAsync(scope, id, CancellationToken.None));
    }

    private async Task<ConversationListItem?> ReadAsync(Guid id)
    {
        var scope = await Caller.GetAsync();
        return await Scoped.RunAsync<IConversationQueries, ConversationListItem?>(q => q.GetAsync(scope, id, CancellationToken.None));
    }
}
