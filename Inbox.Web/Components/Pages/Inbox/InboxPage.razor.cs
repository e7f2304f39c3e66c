using Inbox.Core.Conversations;
using Inbox.Core.Realtime;
using Inbox.Web.Realtime;
using Microsoft.AspNetCore.Components;

namespace Inbox.Web.Components.Pages.Inbox;

/// <summary>The three panes. The page keeps the open conversation's summary fresh (the composer's window depends on it).</summary>
public partial class InboxPage : LiveComponentBase
{
    private ConversationListItem? _conversation;
    private bool _missing;

    [Parameter] public Guid? ConversationId { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        if (_conversation?.Id == ConversationId) return;
        _conversation = null;
        _missing = false;
        await LoadAsync();
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
