using Inbox.Web.Auth;
using Inbox.Core.Conversations;
using Inbox.Core.Realtime;
using Inbox.Web.Realtime;
using Microsoft.AspNetCore.Components;

namespace Inbox.Web.Components.Pages.Inbox;

/// <summary>
/// The inbox list, newest activity first, keyset-paged. Any change re-reads the first page and merges it
/// over what is shown, so a conversation with a new message moves to the top and its counts update.
/// </summary>
public partial class ConversationList : LiveComponentBase
{
    public const int PageSize = 50;

    private List<ConversationListItem>? _items;
    private string? _next;
    private bool _loadingMore;
    private DateTimeOffset _now;

    [Parameter] public Guid? SelectedId { get; set; }
    [Inject] private ICallerInboxScope Caller { get; set; } = null!;
    [Inject] private Keyboard.InboxCommands Commands { get; set; } = null!;

    protected override async Task OnInitializedAsync()
    {
        var page = await ReadPageAsync(null);
        _items = [.. page.Items];
        _next = page.Next;
    }

    protected override void OnParametersSet() => _now = Time.GetUtcNow();

    // j and k walk the list as shown.
    protected override void OnAfterRender(bool firstRender) => Commands.ListOrder = _items?.Select(i => i.Id).ToList() ?? [];

    // Every change can move a conversation in the list; the first page is one indexed query.
    protected override bool Accept(IReadOnlyList<InboxChange> changes) => changes.Count > 0;

    protected override void MarkAllStale() { }

    protected override async Task RefreshAsync()
    {
        var first = await ReadPageAsync(null);
        var current = _items ?? [];
        var loadedMore = current.Count > PageSize;
        var ids = first.Items.Select(i => i.Id).ToHashSet();
        var boundary = first.Items.Count > 0 ? first.Items[^1] : null;
        // Keep the older pages the user loaded, minus anything that moved up into the first page.
        var tail = loadedMore && boundary is not null
            ? current.Where(i => !ids.Contains(i.Id) && IsOlder(i, boundary))
            : [];
        _items = [.. first.Items, .. tail];
        if (!loadedMore) _next = first.Next;
        _now = Time.GetUtcNow();
    }

    private async Task LoadMoreAsync()
    {
        if (_next is null || _items is null) return;
        _loadingMore = true;
        try
        {
            var page = await ReadPageAsync(_next);
            var shown = _items.Select(i => i.Id).ToHashSet();
            _items.AddRange(page.Items.Where(i => !shown.Contains(i.Id)));
            _next = page.Next;
        }
        finally { _loadingMore = false; }
    }

    private async Task<Page<ConversationListItem>> ReadPageAsync(string? cursor)
    {
        var scope = await Caller.GetAsync();
        return await Scoped.RunAsync<IConversationQueries, Page<ConversationListItem>>(q => q.ListAsync(scope, new ConversationFilter(), PageSize, cursor, CancellationToken.None));
    }

    private static bool IsOlder(ConversationListItem item, ConversationListItem than) =>
        item.LastMessageAt < than.LastMessageAt || (item.LastMessageAt == than.LastMessageAt && item.Id.CompareTo(than.Id) < 0);
}
