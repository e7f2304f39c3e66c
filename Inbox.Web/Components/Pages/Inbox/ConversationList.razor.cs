using Inbox.Web.Auth;
using Inbox.Core.Conversations;
using Inbox.Core.Realtime;
using Inbox.Web.Realtime;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Inbox.Web.Components.Pages.Inbox;

/// <summary>
/// The inbox list: a view (Mine, Unassigned, All open, Pending, Snoozed, Resolved — each with its count) narrowed by
/// filters, newest activity first, keyset-paged. Any change re-reads the counts and the first page and merges it over
/// what is shown, so a conversation with a new message moves to the top and a colleague's assignment moves it between views.
/// </summary>
public partial class ConversationList : LiveComponentBase
{
    public const int PageSize = 50;

    private List<ConversationListItem>? _items;
    private string? _next;
    private bool _loadingMore;
    private DateTimeOffset _now;
    private InboxView _view = InboxView.AllOpen;
    private ConversationFilter _filter = new();
    private IReadOnlyDictionary<InboxView, int> _counts = new Dictionary<InboxView, int>();
    private bool _showFilters;
    private bool _choicesLoaded;
    private string _me = "";
    private IReadOnlyList<LabelChip> _labels = [];
    private IReadOnlyList<TeamChoice> _teams = [];
    private IReadOnlyList<PersonChoice> _people = [];
    private IReadOnlyList<AccountChoice> _accounts = [];

    [Parameter] public Guid? SelectedId { get; set; }
    [Inject] private ICallerInboxScope Caller { get; set; } = null!;
    [Inject] private Keyboard.InboxCommands Commands { get; set; } = null!;
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = null!;

    private int ActiveFilters => new object?[] { _filter.Channel, _filter.AccountId, _filter.LabelId, _filter.TeamId, _filter.AssigneeId, _filter.Priority }.Count(v => v is not null);

    private string EmptyText => ActiveFilters > 0
        ? "No conversations match these filters."
        : _view switch
        {
            InboxView.Mine => "Nothing assigned to you right now.",
            InboxView.Unassigned => "Every open conversation has someone.",
            InboxView.AllOpen => "No open conversations. New messages from patients appear here.",
            _ => $"No {ViewName(_view).ToLowerInvariant()} conversations.",
        };

    protected override async Task OnInitializedAsync()
    {
        _me = StaffClaims.IdOf((await AuthState).User) ?? "";
        await ReloadAsync();
    }

    // The filter menus' choices are read when the filters are first opened, not on every page load.
    private async Task ToggleFiltersAsync()
    {
        _showFilters = !_showFilters;
        if (_showFilters && !_choicesLoaded)
        {
            await LoadChoicesAsync();
            _choicesLoaded = true;
        }
    }

    protected override void OnParametersSet() => _now = Time.GetUtcNow();

    // j and k walk the list as shown.
    protected override void OnAfterRender(bool firstRender) => Commands.ListOrder = _items?.Select(i => i.Id).ToList() ?? [];

    // Every change can move a conversation in the list or between views; the first page and the counts are indexed queries.
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
        _counts = await ReadCountsAsync();
        _now = Time.GetUtcNow();
    }

    private async Task ChooseViewAsync(InboxView view)
    {
        _view = view;
        await ReloadAsync();
    }

    private async Task FilterAsync(ConversationFilter filter)
    {
        _filter = filter;
        await ReloadAsync();
    }

    private Task ClearFiltersAsync() => FilterAsync(new ConversationFilter());

    private async Task ReloadAsync()
    {
        var page = await ReadPageAsync(null);
        _items = [.. page.Items];
        _next = page.Next;
        _counts = await ReadCountsAsync();
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
        var filter = _filter.For(_view, _me) with { ViewerId = _me };
        return await Scoped.RunAsync<IConversationQueries, Page<ConversationListItem>>(q => q.ListAsync(scope, filter, PageSize, cursor, CancellationToken.None));
    }

    private async Task<IReadOnlyDictionary<InboxView, int>> ReadCountsAsync()
    {
        var scope = await Caller.GetAsync();
        var counts = await Scoped.RunAsync<IConversationQueries, IReadOnlyDictionary<InboxView, int>?>(q => q.CountsAsync(scope, _me, _filter, CancellationToken.None)!);
        return counts ?? new Dictionary<InboxView, int>();
    }

    private async Task LoadChoicesAsync()
    {
        _labels = await Choices(c => c.LabelsAsync(CancellationToken.None));
        _teams = await Choices(c => c.TeamsAsync(null, CancellationToken.None));
        _people = await Choices(c => c.PeopleAsync(CancellationToken.None));
        _accounts = await Choices(c => c.AccountsAsync(CancellationToken.None));
    }

    private async Task<IReadOnlyList<T>> Choices<T>(Func<IInboxChoices, Task<IReadOnlyList<T>>> read) =>
        await Scoped.RunAsync<IInboxChoices, IReadOnlyList<T>?>(async c => await read(c)) ?? [];

    public static string Slug(InboxView view) => view switch
    {
        InboxView.AllOpen => "all-open",
        _ => view.ToString().ToLowerInvariant(),
    };

    public static string ViewName(InboxView view) => view switch
    {
        InboxView.AllOpen => "All open",
        _ => view.ToString(),
    };

    private static bool IsOlder(ConversationListItem item, ConversationListItem than) =>
        item.LastMessageAt < than.LastMessageAt || (item.LastMessageAt == than.LastMessageAt && item.Id.CompareTo(than.Id) < 0);
}
