using Inbox.Core.Bot;
using Inbox.Infrastructure.Bot;
using Inbox.Web.Auth;
using Inbox.Web.Realtime;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Inbox.Web.Components.Pages.Admin.Bot;

/// <summary>Admins edit each inbox's bot flow (every save a new version) and switch the bot on or off.</summary>
public partial class BotFlowPage : ComponentBase
{
    private IReadOnlyList<BotInboxSummary>? _inboxes;
    private IReadOnlyList<BotFlowVersionSummary>? _versions;
    private Guid _inboxId;
    private bool _enabled;
    private BotFlow? _flow;
    private int? _saved;
    private List<string>? _saveErrors;

    [Inject] private ScopedServices Scoped { get; set; } = null!;
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = null!;

    protected override async Task OnInitializedAsync()
    {
        _inboxes = await Scoped.RunAsync<BotFlowAdmin, IReadOnlyList<BotInboxSummary>>(a => a.InboxesAsync(CancellationToken.None));
        if (_inboxes.Count > 0) await SelectInboxAsync(_inboxes[0].InboxId);
    }

    private async Task SelectInboxAsync(Guid inboxId)
    {
        _inboxId = inboxId;
        _enabled = _inboxes!.First(i => i.InboxId == inboxId).BotEnabled;
        _flow = await Scoped.RunAsync<BotFlowAdmin, BotFlow>(a => a.CurrentAsync(inboxId, CancellationToken.None));
        _versions = await Scoped.RunAsync<BotFlowAdmin, IReadOnlyList<BotFlowVersionSummary>>(a => a.VersionsAsync(inboxId, CancellationToken.None));
        (_saved, _saveErrors) = (null, null);
    }

    private async Task SetEnabledAsync(bool enabled)
    {
        var actor = StaffClaims.ActorOf((await AuthState).User);
        var inboxId = _inboxId;
        await Scoped.RunAsync<BotFlowAdmin, bool>(async a => { await a.SetEnabledAsync(inboxId, enabled, actor, CancellationToken.None); return true; });
        _enabled = enabled;
        _inboxes = await Scoped.RunAsync<BotFlowAdmin, IReadOnlyList<BotInboxSummary>>(a => a.InboxesAsync(CancellationToken.None));
    }

    private async Task SaveAsync()
    {
        var actor = StaffClaims.ActorOf((await AuthState).User);
        var (inboxId, flow) = (_inboxId, _flow!);
        var (version, errors) = await Scoped.RunAsync<BotFlowAdmin, (int?, IDictionary<string, string[]>)>(a => a.SaveAsync(inboxId, flow, actor, CancellationToken.None));
        _saved = version;
        _saveErrors = errors.SelectMany(e => e.Value).ToList();
        if (version is not null)
            _versions = await Scoped.RunAsync<BotFlowAdmin, IReadOnlyList<BotFlowVersionSummary>>(a => a.VersionsAsync(inboxId, CancellationToken.None));
    }

    private void AddMenuItem() => _flow!.Menu.Add(new BotMenuItem { Id = $"item-{_flow.Menu.Count + 1}", Title = "New item", Action = BotMenuAction.Answer });

    private void AddOpening() => _flow!.Hours.Days.Add(new OpeningHours { Day = DayOfWeek.Monday, Opens = new TimeOnly(8, 0), Closes = new TimeOnly(17, 0) });

    private void Move(BotMenuItem item, int by)
    {
        var menu = _flow!.Menu;
        var index = menu.IndexOf(item);
        var target = index + by;
        if (target < 0 || target >= menu.Count) return;
        (menu[index], menu[target]) = (menu[target], menu[index]);
    }
}
