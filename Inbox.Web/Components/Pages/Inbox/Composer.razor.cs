using Inbox.Core.Audit;
using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Web.Auth;
using Inbox.Web.Realtime;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace Inbox.Web.Components.Pages.Inbox;

public partial class Composer : ComponentBase
{
    private static readonly Dictionary<string, object> WindowAttributes = new() { ["data-testid"] = "composer-window" };

    // data-enter-sends lets wwwroot/composer.js stop Enter from adding a line before the keydown reaches us.
    private static readonly Dictionary<string, object> InputAttributes = new()
    {
        ["data-testid"] = "composer-input",
        ["data-enter-sends"] = "true",
    };

    private string? _draft;
    private bool _sending;
    private IReadOnlyList<string> _errors = [];

    [Inject] private ScopedServices Scoped { get; set; } = null!;
    [Inject] private TimeProvider Time { get; set; } = null!;
    [Inject] private ICallerInboxScope Caller { get; set; } = null!;
    [Inject] private IAuditTrail Audit { get; set; } = null!;
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

    private string WindowHint
    {
        get
        {
            if (Selected is not { } selected) return "The patient has not written yet — they must write first";
            var (channel, last) = (selected.Channel, selected.LastInboundAt);
            var name = ChannelNames.Display(channel);
            if (selected.Mode == ReplyMode.Unavailable) return selected.Explanation;
            if (TemplatesOnly) return "Window closed on WhatsApp — choose an approved template";
            if (HumanAgentOnly && MessagingWindow.HumanAgentTagClosesAt(channel, last) is { } tagCloses)
                return $"Reply on {name} as a person (human-agent reply) · allowed until {Display.Deadline(tagCloses, Time)}";
            return MessagingWindow.ClosesAt(channel, last) is { } closes
                ? $"Reply on {name} · window open until {Display.Deadline(closes, Time)}"
                : $"Reply on {name}";
        }
    }

    /// <summary>Passed to the sender only when there is a choice: with one channel, the sender's own default is the same.</summary>
    private ChannelKind? ChannelToSend => _options.Count > 1 ? Selected?.Channel : null;

    private async Task OnKeyDownAsync(KeyboardEventArgs e)
    {
        if (e is { Key: "Enter", ShiftKey: false, IsComposing: false }) await SendAsync();
    }

    private async Task SendAsync()
    {
        if (_sending) return;
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
            // Keep anything typed while the reply was being queued.
            if (result.Outcome == ReplyOutcome.Queued && _draft == text) _draft = "";
        }
        finally { _sending = false; }
    }

    private static IReadOnlyList<string> Describe(ReplyResult result) => result.Outcome switch
    {
        ReplyOutcome.Queued => [],
        ReplyOutcome.Invalid => result.Errors?.SelectMany(e => e.Value).ToList() is { Count: > 0 } errors ? errors : ["The reply could not be sent. Check it and try again."],
        ReplyOutcome.WindowClosed => [result.Detail ?? "The messaging window is closed: the patient must write first."],
        _ => ["This conversation no longer exists. Pick another one from the list."],
    };
}
