using Microsoft.JSInterop;
using Inbox.Web.Auth;
using System.Collections.Concurrent;
using Inbox.Core.Audit;
using Inbox.Core.Conversations;
using Inbox.Core.Realtime;
using Inbox.Web.Realtime;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace Inbox.Web.Components.Pages.Inbox;

/// <summary>
/// One conversation's messages, oldest first. New messages re-read the latest page; receipts and retries
/// re-read just the messages they name.
/// </summary>
public partial class ThreadView : LiveComponentBase
{
    public const int PageSize = 50;
    // Past this many changed messages in one burst, one query for the page beats many single reads.
    private const int MaxSingleReads = 10;

    private readonly ConcurrentDictionary<Guid, byte> _updated = new();
    private List<ThreadMessage>? _messages;
    private Guid _loadedFor;
    private volatile bool _reloadAll;

    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [Inject] private ICallerInboxScope Caller { get; set; } = null!;
    [Inject] private IAuditTrail Audit { get; set; } = null!;
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = null!;

    [Parameter, EditorRequired] public Guid ConversationId { get; set; }

    /// <summary>A message to bring into view (opened from a search result).</summary>
    [Parameter] public Guid? FocusMessageId { get; set; }

    /// <summary>How far back a search result may lie and still be loaded into the thread.</summary>
    public const int FocusReach = 1000;

    private Guid? _scrolledTo;

    [Inject] private Microsoft.JSInterop.IJSRuntime JS { get; set; } = null!;

    protected override async Task OnParametersSetAsync()
    {
        if (_loadedFor == ConversationId && _messages is not null && (FocusMessageId is null || _messages.Any(m => m.Id == FocusMessageId))) return;
        _messages = null;
        _updated.Clear();
        var conversation = ConversationId;
        var latest = await ReadLatestAsync(conversation, PageSize);
        // A search result older than the first page: read back far enough to show it.
        if (FocusMessageId is { } focus && !latest.Any(m => m.Id == focus)) latest = await ReadLatestAsync(conversation, FocusReach);
        if (conversation != ConversationId) return; // the user moved on while this was loading
        _messages = [.. latest];
        _loadedFor = conversation;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (FocusMessageId is not { } focus || _scrolledTo == focus || _messages?.Any(m => m.Id == focus) != true) return;
        _scrolledTo = focus;
        await JS.InvokeVoidAsync("inbox.scrollToMessage", $"message-{focus}");
    }

    protected override bool Accept(IReadOnlyList<InboxChange> changes)
    {
        var any = false;
        foreach (var change in changes)
        {
            if (change.ConversationId != ConversationId) continue;
            any = true;
            if (change is { Kind: InboxChangeKind.MessageUpdated, MessageId: { } id }) _updated.TryAdd(id, 0);
            else if (change.Kind is InboxChangeKind.MessageAdded or InboxChangeKind.ThreadRewritten) _reloadAll = true;
        }
        return any;
    }

    protected override void MarkAllStale() => _reloadAll = true;

    protected override async Task RefreshAsync()
    {
        if (_messages is null || _loadedFor != ConversationId) return;
        var conversation = ConversationId;
        var ids = _updated.Keys.ToList();
        foreach (var id in ids) _updated.TryRemove(id, out _);

        if (_reloadAll || ids.Count > MaxSingleReads)
        {
            _reloadAll = false;
            var latest = await ReadLatestAsync(conversation, Math.Max(PageSize, _messages.Count));
            if (conversation == ConversationId) _messages = [.. latest];
            return;
        }
        var scope = await Caller.GetAsync();
        foreach (var id in ids)
        {
            var fresh = await Scoped.RunAsync<IConversationQueries, ThreadMessage?>(q => q.MessageAsync(scope, id, CancellationToken.None));
            var index = _messages.FindIndex(m => m.Id == id);
            if (fresh is not null && index >= 0 && conversation == ConversationId) _messages[index] = fresh;
        }
    }

    private async Task RetryAsync(Guid messageId)
    {
        // The sender publishes the change; the refresh it triggers shows the message queued again.
        var scope = await Caller.GetAsync();
        var requeued = await Scoped.RunAsync<IReplySender, bool>(s => s.RetryAsync(scope, messageId, CancellationToken.None));
        if (requeued) await Audit.RecordAsync(Time, (await AuthState).User, AuditActions.MessageRetry, AuditSubjects.Conversation, ConversationId.ToString());
        else Snackbar.Add("This message can no longer be retried: it was sent or retried already.", Severity.Info);
    }

    private async Task<IReadOnlyList<ThreadMessage>> ReadLatestAsync(Guid conversation, int count)
    {
        var scope = await Caller.GetAsync();
        return await Scoped.RunAsync<IConversationQueries, IReadOnlyList<ThreadMessage>>(q => q.LatestMessagesAsync(scope, conversation, count, CancellationToken.None));
    }
}
