using Inbox.Core.Audit;
using Inbox.Core.Conversations;
using Inbox.Web.Realtime;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Inbox.Web.Components.Pages.Audit;

/// <summary>
/// Pages through <see cref="IAuditLog"/> with its keyset cursors: "Older" follows the page's cursor, "Newer"
/// goes back to the cursor that led to the previous page. A new filter starts again from the newest entry.
/// </summary>
public partial class AuditTable : ComponentBase
{
    public const int PageSize = 50;

    // _cursors[i] is the cursor that fetched page i (null for the newest page).
    private readonly List<string?> _cursors = [null];
    private Page<AuditLogEntry>? _page;
    private AuditFilter? _loadedFilter;
    private int _pageIndex;
    private bool _loading;
    private int _loadTicket;

    [Inject] private ScopedServices Scoped { get; set; } = null!;
    [Inject] private TimeProvider Time { get; set; } = null!;

    [Parameter, EditorRequired] public AuditFilter Filter { get; set; } = null!;
    /// <summary>The person asked for every entry about one record (type, id).</summary>
    [Parameter] public EventCallback<(string Type, string Id)> SubjectPicked { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        if (Filter == _loadedFilter) return;
        _loadedFilter = Filter;
        _cursors.Clear();
        _cursors.Add(null);
        await LoadAsync(0);
    }

    private Task OlderAsync()
    {
        if (_page?.Next is not { } next) return Task.CompletedTask;
        if (_cursors.Count == _pageIndex + 1) _cursors.Add(next);
        else _cursors[_pageIndex + 1] = next;
        return LoadAsync(_pageIndex + 1);
    }

    private Task NewerAsync() => _pageIndex == 0 ? Task.CompletedTask : LoadAsync(_pageIndex - 1);

    private async Task LoadAsync(int index)
    {
        var (filter, cursor, ticket) = (Filter, _cursors[index], ++_loadTicket);
        _loading = true;
        try
        {
            var page = await Scoped.RunAsync<IAuditLog, Page<AuditLogEntry>>(log => log.ListAsync(filter, PageSize, cursor, CancellationToken.None));
            if (ticket != _loadTicket) return; // a newer request (another filter or page) wins
            _page = page;
            _pageIndex = index;
        }
        finally { if (ticket == _loadTicket) _loading = false; }
    }

    private static string ActorIcon(AuditActor actor) => actor.Kind switch
    {
        "apiKey" => Icons.Material.Outlined.Key,
        "system" => Icons.Material.Outlined.Settings,
        _ => Icons.Material.Outlined.Person,
    };
}
