using Inbox.Core.Audit;
using Inbox.Web.Auth;
using Inbox.Core.CannedReplies;
using Inbox.Core.Common;
using Inbox.Web.Realtime;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Inbox.Web.Components.Pages.Admin.CannedReplies;

/// <summary>Admins keep the clinic's canned replies; every change is audited.</summary>
public partial class CannedRepliesPage : ComponentBase
{
    private IReadOnlyList<CannedReplyView>? _replies;
    private CannedReplyView? _editing;
    private string? _shortcut;
    private string? _title;
    private string? _body;
    private string? _error;

    [Inject] private ScopedServices Scoped { get; set; } = null!;
    [Inject] private IAuditTrail Audit { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = null!;

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync() =>
        _replies = await Scoped.RunAsync<ICannedReplies, IReadOnlyList<CannedReplyView>>(c => c.AllAsync(CancellationToken.None));

    private void Edit(CannedReplyView reply) => (_editing, _shortcut, _title, _body, _error) = (reply, reply.Shortcut, reply.Title, reply.Body, null);

    private void Clear() => (_editing, _shortcut, _title, _body, _error) = (null, null, null, null, null);

    private async Task SaveAsync()
    {
        _error = null;
        try
        {
            var user = (await AuthState).User;
            if (_editing is { } editing)
            {
                await Scoped.RunAsync<ICannedReplies, bool>(async c => { await c.UpdateAsync(editing.Id, _shortcut ?? "", _title ?? "", _body ?? "", CancellationToken.None); return true; });
                await Audit.RecordAsync(Clock, user, "canned.change", AuditSubjects.CannedReply, editing.Id.ToString());
            }
            else
            {
                var id = await Scoped.RunAsync<ICannedReplies, Guid>(c => c.AddAsync(_shortcut ?? "", _title ?? "", _body ?? "", CancellationToken.None));
                await Audit.RecordAsync(Clock, user, "canned.create", AuditSubjects.CannedReply, id.ToString());
            }
            Clear();
            await LoadAsync();
        }
        catch (InboxDomainException ex)
        {
            _error = ex.Message;
        }
    }

    private async Task DeleteAsync(CannedReplyView reply)
    {
        await Scoped.RunAsync<ICannedReplies, bool>(async c => { await c.DeleteAsync(reply.Id, CancellationToken.None); return true; });
        await Audit.RecordAsync(Clock, (await AuthState).User, "canned.delete", AuditSubjects.CannedReply, reply.Id.ToString());
        if (_editing?.Id == reply.Id) Clear();
        await LoadAsync();
    }
}
