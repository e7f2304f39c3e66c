using Inbox.Core.Audit;
using Inbox.Core.Channels;
using Inbox.Core.Common;
using Inbox.Infrastructure.Channels.Accounts;
using Inbox.Infrastructure.Teams;
using Inbox.Web.Auth;
using Inbox.Web.Realtime;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Inbox.Web.Components.Pages.Admin.Channels;

/// <summary>Admins connect channel accounts and choose the inbox each feeds. Every change is audited.</summary>
public partial class ChannelsPage : ComponentBase
{
    private IReadOnlyList<ChannelAccountRow>? _rows;
    private IReadOnlyList<InboxRow> _inboxes = [];
    private ChannelKind? _connecting;
    private Guid _newInbox;
    private Dictionary<string, string?> _values = [];
    private string? _error;
    private bool _saving;

    [Inject] private ChannelAccountDirectory Directory { get; set; } = null!;
    [Inject] private ScopedServices Scoped { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private IAuditTrail Audit { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = null!;

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        _inboxes = await Scoped.RunAsync<TeamAdmin, IReadOnlyList<InboxRow>>(t => t.InboxesAsync(CancellationToken.None));
        _rows = await Scoped.RunAsync<ChannelAccountAdmin, IReadOnlyList<ChannelAccountRow>>(a => a.ListAsync(CancellationToken.None));
    }

    private string WebhookUrl(ChannelKind channel) => Navigation.ToAbsoluteUri($"webhooks/{ChannelNames.Slug(channel)}").ToString();

    private void StartConnecting(ChannelKind channel)
    {
        _connecting = channel;
        _values = [];
        _error = null;
        _newInbox = _inboxes.FirstOrDefault()?.Id ?? Guid.Empty;
    }

    private async Task ConnectAsync(ChannelAccountSchema schema)
    {
        _saving = true;
        _error = null;
        try
        {
            var name = _values.GetValueOrDefault("DisplayName") ?? "";
            var id = await Scoped.RunAsync<ChannelAccountAdmin, Guid>(a => a.ConnectAsync(schema.Channel, name, _newInbox, _values, CancellationToken.None));
            await RecordAsync("channel.connect", id);
            Snackbar.Add($"{ChannelNames.Display(schema.Channel)} account connected.", Severity.Success);
            _connecting = null;
            _values = [];
            await LoadAsync();
        }
        catch (InboxDomainException ex)
        {
            _error = ex.Message;
        }
        finally
        {
            _saving = false;
        }
    }

    private async Task MoveAsync(ChannelAccountRow row, Guid inboxId)
    {
        if (inboxId == row.SharedInboxId) return;
        await Scoped.RunAsync<ChannelAccountAdmin, bool>(async a => { await a.MoveAsync(row.Id, inboxId, CancellationToken.None); return true; });
        await RecordAsync("channel.inbox.change", row.Id);
        Snackbar.Add($"New conversations of {row.DisplayName} go to {_inboxes.FirstOrDefault(i => i.Id == inboxId)?.Name}.", Severity.Success);
        await LoadAsync();
    }

    private async Task SetConnectedAsync(ChannelAccountRow row, bool connected)
    {
        await Scoped.RunAsync<ChannelAccountAdmin, bool>(async a => { await a.SetConnectedAsync(row.Id, connected, CancellationToken.None); return true; });
        await RecordAsync(connected ? "channel.reconnect" : "channel.disconnect", row.Id);
        await LoadAsync();
    }

    private async Task RecordAsync(string action, Guid accountId) =>
        await Audit.RecordAsync(Clock, (await AuthState).User, action, "channelAccount", accountId.ToString());
}
