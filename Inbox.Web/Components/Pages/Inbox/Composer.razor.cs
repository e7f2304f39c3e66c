using Inbox.Core.Audit;
using Inbox.Core.CannedReplies;
using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Core.Notes;
using Inbox.Core.Realtime;
using Inbox.Web.Auth;
using Inbox.Web.Components.Pages.Inbox.Keyboard;
using Inbox.Web.Realtime;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace Inbox.Web.Components.Pages.Inbox;

public enum ComposerMode { Reply, Note }

public partial class Composer : ComponentBase, IDisposable
{
    private static readonly Dictionary<string, object> WindowAttributes = new() { ["data-testid"] = "composer-window" };
    /// <summary>Typing pings at most this often: enough to keep "is typing" alive (it expires after 5 s), cheap for the circuit.</summary>
    public static readonly TimeSpan TypingPingEvery = TimeSpan.FromSeconds(2);
    private const int SuggestionLimit = 8;

    // data-enter-sends lets wwwroot/composer.js stop Enter from adding a line before the keydown reaches us.
    private static readonly Dictionary<string, object> InputAttributes = new()
    {
        ["data-testid"] = "composer-input",
        ["data-enter-sends"] = "true",
    };

    private enum Suggesting { None, Canned, Mention }
    private sealed record Suggestion(string Title, string? Detail, object Value);

    private ComposerMode _mode;
    private string? _draft;
    private bool _sending;
    private IReadOnlyList<string> _errors = [];
    private IReadOnlyList<string> _unfilled = [];
    private List<Suggestion> _suggestions = [];
    private Suggesting _suggesting;
    private int _selected;
    private (string Name, DateTimeOffset At)? _collision;
    private DateTimeOffset? _lastPing;
    // Who can be mentioned: the people who serve this conversation's inbox, read once per inbox.
    private (Guid Inbox, IReadOnlyList<PersonChoice> People)? _mentionable;
    private IDisposable? _feed;
    private string? _me;
    private MudTextField<string>? _input;

    [Inject] private ScopedServices Scoped { get; set; } = null!;
    [Inject] private TimeProvider Time { get; set; } = null!;
    [Inject] private ICallerInboxScope Caller { get; set; } = null!;
    [Inject] private IAuditTrail Audit { get; set; } = null!;
    [Inject] private InboxChangeFeed Feed { get; set; } = null!;
    [Inject] private IThreadPresence Presence { get; set; } = null!;
    [Inject] private InboxCommands Commands { get; set; } = null!;
    [Inject] private IOptions<ClinicOptions> Clinic { get; set; } = null!;
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = null!;

    /// <summary>The conversation being answered: its last inbound channel and time decide the window.</summary>
    [Parameter, EditorRequired] public ConversationListItem Conversation { get; set; } = null!;

    private IReadOnlyList<ReplyChannelOption> _options = [];
    private ChannelKind? _chosen;
    private (Guid Id, DateTimeOffset? LastInboundAt, string Channels) _optionsFor;

    /// <summary>
    /// The channels this thread can be answered on (a merged patient's thread has several): loaded when the thread
    /// its last patient message or its set of channels changes. Without any yet, the list item's last inbound channel stands in.
    /// </summary>
    protected override async Task OnParametersSetAsync()
    {
        // A merge adds channels to the thread without a newer patient message: the channel set is part of the key.
        var key = (Conversation.Id, Conversation.LastInboundAt, string.Join(',', Conversation.Channels));
        if (_optionsFor == key) return;
        if (_optionsFor.Id != Conversation.Id) _chosen = null;
        _optionsFor = key;
        var scope = await Caller.GetAsync();
        var id = Conversation.Id;
        var states = await Scoped.RunAsync<IConversationQueries, IReadOnlyList<ReplyChannelState>>(q => q.ReplyChannelsAsync(scope, id, CancellationToken.None)) ?? [];
        if (states.Count == 0 && Conversation.LastInboundChannel is { } channel && Conversation.LastInboundAt is { } at)
            states = [new ReplyChannelState(channel, at, Blocked: false)];
        _options = ReplyChannels.Options(states, Time.GetUtcNow());
    }

    /// <summary>Where this reply goes: the receptionist's pick, else the default (latest open window).</summary>
    private ReplyChannelOption? Selected => _options.FirstOrDefault(o => o.Channel == _chosen) ?? ReplyChannels.Default(_options);

    private void Choose(ChannelKind channel) => _chosen = channel;

    private bool WindowOpen => Selected?.CanWrite == true;

    /// <summary>WhatsApp after the 24-hour window: only an approved template may go.</summary>
    private bool TemplatesOnly => Selected?.Mode == ReplyMode.TemplatesOnly;

    private bool HumanAgentOnly => Selected?.Mode == ReplyMode.HumanAgentTag;

    private string ComposerClass => _mode == ComposerMode.Note ? "composer composer-note" : "composer";

    private string ModeClass(ComposerMode mode) => mode == _mode ? "composer-mode active" : "composer-mode";

    private string Hint => _mode == ComposerMode.Note ? "Private note · never sent to the patient" : WindowHint;

    // One wording for the reply channels (ReplyChannelOption.Explain), with deadlines as the clinic reads them.
    private string WindowHint => Selected?.Explain(at => Display.Deadline(at, Time)) ?? "The patient has not written yet — they must write first";

    /// <summary>Passed to the sender only when there is a choice: with one channel, the sender's own default is the same.</summary>
    private ChannelKind? ChannelToSend => _options.Count > 1 ? Selected?.Channel : null;

    protected override async Task OnInitializedAsync()
    {
        _feed = Feed.Subscribe(OnChangesAsync);
        Commands.Raised += OnCommandAsync;
        _me = StaffClaims.IdOf((await AuthState).User);
    }

    private string Ago(DateTimeOffset at)
    {
        var seconds = Math.Max(0, (int)(Time.GetUtcNow() - at).TotalSeconds);
        return seconds < 60 ? $"{seconds} s ago" : $"{seconds / 60} min ago";
    }

    private async Task SetModeAsync(ComposerMode mode)
    {
        _mode = mode;
        _errors = [];
        await UpdateSuggestionsAsync();
    }

    private async Task<bool> OnCommandAsync(InboxCommand command)
    {
        if (command is not (InboxCommand.Reply or InboxCommand.Note)) return false;
        await SetModeAsync(command == InboxCommand.Note ? ComposerMode.Note : ComposerMode.Reply);
        StateHasChanged();
        if (_input is not null) await _input.FocusAsync();
        return true;
    }

    private async Task OnDraftChangedAsync(string? value)
    {
        _draft = value;
        PingTyping();
        await UpdateSuggestionsAsync();
    }

    private void PingTyping()
    {
        if (_me is null) return;
        if (string.IsNullOrEmpty(_draft)) { StopTyping(); return; }
        var now = Time.GetUtcNow();
        if (_lastPing is { } last && now - last < TypingPingEvery) return;
        _lastPing = now;
        Presence.Typing(Conversation.Id, _me);
    }

    private void StopTyping()
    {
        if (_me is not null && _lastPing is not null) Presence.StoppedTyping(Conversation.Id, _me);
        _lastPing = null;
    }

    private async Task UpdateSuggestionsAsync()
    {
        var draft = _draft ?? "";
        _selected = 0;
        // "/hours" as the whole draft: a canned reply is being looked for.
        if (draft.StartsWith('/') && !draft.Any(char.IsWhiteSpace))
        {
            var query = draft[1..];
            var replies = await Scoped.RunAsync<ICannedReplies, IReadOnlyList<CannedReplyView>>(c => c.SearchAsync(query, SuggestionLimit, CancellationToken.None));
            if (_draft != draft) return; // typed on meanwhile
            (_suggesting, _suggestions) = (Suggesting.Canned, replies.Select(r => new Suggestion("/" + r.Shortcut + " · " + r.Title, Preview(r.Body), r)).ToList());
            return;
        }
        if (_mode == ComposerMode.Note && Mentions.Typing(draft) is { } typed)
        {
            var inbox = Conversation.SharedInboxId;
            if (_mentionable?.Inbox != inbox)
                _mentionable = (inbox, await Scoped.RunAsync<IInboxChoices, IReadOnlyList<PersonChoice>>(c => c.AssignableAsync(inbox, CancellationToken.None)) ?? []);
            var matches = _mentionable.Value.People.Where(s => s.Name.StartsWith(typed, StringComparison.CurrentCultureIgnoreCase)
                    || s.Name.Split(' ').Any(part => part.StartsWith(typed, StringComparison.CurrentCultureIgnoreCase)))
                .Take(SuggestionLimit).Select(s => new Suggestion(s.Name, null, s)).ToList();
            (_suggesting, _suggestions) = (Suggesting.Mention, matches);
            return;
        }
        (_suggesting, _suggestions) = (Suggesting.None, []);
    }

    private static string Preview(string body) => body.Length <= 80 ? body : body[..80] + "…";

    private async Task OnKeyDownAsync(KeyboardEventArgs e)
    {
        if (_suggestions.Count > 0)
        {
            switch (e.Key)
            {
                case "ArrowDown": _selected = (_selected + 1) % _suggestions.Count; return;
                case "ArrowUp": _selected = (_selected - 1 + _suggestions.Count) % _suggestions.Count; return;
                case "Escape": (_suggesting, _suggestions) = (Suggesting.None, []); return;
                case "Enter" or "Tab" when !e.ShiftKey && !e.IsComposing: await PickAsync(_selected); return;
            }
        }
        if (e is { Key: "Enter", ShiftKey: false, IsComposing: false }) await SendAsync(false);
    }

    private async Task PickAsync(int index)
    {
        if (index < 0 || index >= _suggestions.Count) return;
        switch (_suggestions[index].Value)
        {
            case CannedReplyView reply:
                var filled = Placeholders.Fill(reply.Body, await PlaceholderValuesAsync());
                _draft = filled.Text;
                _unfilled = filled.Unfilled;
                break;
            case PersonChoice member:
                _draft = Mentions.Complete(_draft ?? "", member);
                break;
        }
        (_suggesting, _suggestions) = (Suggesting.None, []);
        if (_input is not null) await _input.FocusAsync();
    }

    private async Task<PlaceholderValues> PlaceholderValuesAsync()
    {
        var scope = await Caller.GetAsync();
        var contactId = Conversation.ContactId;
        var contact = await Scoped.RunAsync<IConversationQueries, ContactView?>(q => q.ContactAsync(scope, contactId, CancellationToken.None));
        var user = (await AuthState).User;
        return new PlaceholderValues(contact?.Name ?? Conversation.ContactName, contact?.Phone, StaffClaims.NameOf(user), Clinic.Value.Name, Clinic.Value.Hours);
    }

    private Task SendAnywayAsync() => SendAsync(true);

    private async Task SendAsync(bool anyway)
    {
        if (_sending) return;
        if (_mode == ComposerMode.Note) { await AddNoteAsync(); return; }
        if (Placeholders.Remaining(_draft) is { Count: > 0 } left)
        {
            _unfilled = left;
            _errors = [$"Replace {string.Join(", ", left)} before sending: the patient would read it as written."];
            return;
        }
        // Someone else answered while this was being written: the warning stays until they choose.
        if (_collision is not null && !anyway) return;
        _sending = true;
        var text = _draft;
        try
        {
            var user = (await AuthState).User;
            var author = StaffClaims.AuthorOf(user);
            var scope = await Caller.GetAsync();
            var channel = ChannelToSend;
            var result = await Scoped.RunAsync<IReplySender, ReplyResult>(s => s.QueueAsync(scope, Conversation.Id, text, channel, author, CancellationToken.None));
            if (result.Outcome == ReplyOutcome.Queued)
                await Audit.RecordAsync(Time, user, AuditActions.MessageSend, AuditSubjects.Conversation, Conversation.Id.ToString());
            _errors = Describe(result);
            if (result.Outcome == ReplyOutcome.Queued) Sent(text);
        }
        finally { _sending = false; }
    }

    private async Task AddNoteAsync()
    {
        _sending = true;
        var text = _draft;
        try
        {
            var user = (await AuthState).User;
            var scope = await Caller.GetAsync();
            var result = await Scoped.RunAsync<INoteWriter, NoteResult>(n => n.AddAsync(scope, Conversation.Id, text, StaffClaims.AuthorOf(user), CancellationToken.None));
            if (result.Outcome == NoteOutcome.Added)
                await Audit.RecordAsync(Time, user, AuditActions.NoteAdd, AuditSubjects.Conversation, Conversation.Id.ToString());
            _errors = result.Outcome switch
            {
                NoteOutcome.Added => [],
                NoteOutcome.Invalid => [result.Error ?? "The note could not be saved."],
                _ => ["This conversation no longer exists. Pick another one from the list."],
            };
            if (result.Outcome == NoteOutcome.Added) Sent(text);
        }
        finally { _sending = false; }
    }

    private void Sent(string? text)
    {
        // Keep anything typed while it was being saved.
        if (_draft == text) _draft = "";
        _collision = null;
        _unfilled = [];
        StopTyping();
    }

    // Collision control: a colleague's reply to this patient while a reply is being written here.
    private Task OnChangesAsync(IReadOnlyList<InboxChange> changes)
    {
        var added = changes.Where(c => c is { Kind: InboxChangeKind.MessageAdded, MessageId: not null } && c.ConversationId == Conversation.Id)
            .Select(c => c.MessageId!.Value).ToList();
        if (added.Count == 0) return Task.CompletedTask;
        return InvokeAsync(async () =>
        {
            if (_mode != ComposerMode.Reply || string.IsNullOrWhiteSpace(_draft)) return;
            var me = _me;
            var scope = await Caller.GetAsync();
            foreach (var id in added)
            {
                var message = await Scoped.RunAsync<IConversationQueries, ThreadMessage?>(q => q.MessageAsync(scope, id, CancellationToken.None));
                if (message is { Direction: MessageDirection.Out, Author.Kind: AuthorKind.Agent } && message.Type != MessageType.Note && message.Author.Id != me)
                    _collision = (message.Author.Name ?? "A colleague", message.CreatedAt);
            }
            StateHasChanged();
        });
    }

    private static IReadOnlyList<string> Describe(ReplyResult result) => result.Outcome switch
    {
        ReplyOutcome.Queued => [],
        ReplyOutcome.Invalid => result.Errors?.SelectMany(e => e.Value).ToList() is { Count: > 0 } errors ? errors : ["The reply could not be sent. Check it and try again."],
        ReplyOutcome.WindowClosed => [result.Detail ?? "The messaging window is closed: the patient must write first."],
        ReplyOutcome.AssignmentRequired => [result.Detail ?? "Assign this conversation to yourself before replying."],
        _ => ["This conversation no longer exists. Pick another one from the list."],
    };

    public void Dispose()
    {
        _feed?.Dispose();
        Commands.Raised -= OnCommandAsync;
        StopTyping();
        GC.SuppressFinalize(this);
    }
}
