using Inbox.Core.Conversations;
using Inbox.Core.Realtime;
using Inbox.Core.Audit;
using Inbox.Web.Auth;
using Inbox.Web.Realtime;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components;

namespace Inbox.Web.Components.Pages.Inbox;

/// <summary>The three panes. The page keeps the open conversation's summary fresh (the composer's window depends on it).</summary>
public partial class InboxPage : LiveComponentBase
{
    private ConversationListItem? _conversation;
    private bool _missing;

    [Parameter] public Guid? ConversationId { get; set; }
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = null!;
    [Inject] private IAuditTrail Audit { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;

    protected override async Task OnParametersSetAsync()
    {
        if (_conversation?.Id == ConversationId) return;
        _conversation = null;
        _missing = false;
        await LoadAsync();
        if (_conversation is { } opened) await RecordReadAsync(opened);
    }

    // Opening a thread shows the patient's messages and details: both reads are audited, once per opening.
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
        var conversation = await Scoped.RunAsync<IConversationQueries, ConversationListItem?>(q => q.GetAsync(id, CancellationToken.None));
        if (id != ConversationId) return;
        _conversation = conversation;
        _missing = conversation is null;
    }
}
