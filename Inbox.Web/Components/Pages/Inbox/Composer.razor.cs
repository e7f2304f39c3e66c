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

    // A person's reply: on Messenger the HUMAN_AGENT tag keeps it possible for 7 days after the 24-hour window.
    private bool WindowOpen => Conversation.LastInboundChannel is { } channel
        && (MessagingWindow.IsOpen(channel, Conversation.LastInboundAt, Time.GetUtcNow()) || HumanAgentOnly);

    /// <summary>WhatsApp after the 24-hour window: only an approved template may go.</summary>
    private bool TemplatesOnly => Conversation.LastInboundChannel == ChannelKind.WhatsApp && !WindowOpen;

    private bool HumanAgentOnly => Conversation.LastInboundChannel is { } channel
        && !MessagingWindow.IsOpen(channel, Conversation.LastInboundAt, Time.GetUtcNow())
        && MessagingWindow.HumanAgentTagAllowed(channel, Conversation.LastInboundAt, Time.GetUtcNow());

    private string WindowHint
    {
        get
        {
            if (Conversation.LastInboundChannel is not { } channel) return "The patient has not written yet — they must write first";
            var name = ChannelNames.Display(channel);
            if (TemplatesOnly) return "Window closed on WhatsApp — choose an approved template";
            if (!WindowOpen) return $"Window closed on {name} — the patient must write first";
            if (HumanAgentOnly && MessagingWindow.HumanAgentTagClosesAt(channel, Conversation.LastInboundAt) is { } tagCloses)
                return $"Reply on {name} as a person (human-agent reply) · allowed until {Display.Deadline(tagCloses, Time)}";
            return MessagingWindow.ClosesAt(channel, Conversation.LastInboundAt) is { } closes
                ? $"Reply on {name} · window open until {Display.Deadline(closes, Time)}"
                : $"Reply on {name}";
        }
    }

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
            var result = await Scoped.RunAsync<IReplySender, ReplyResult>(s => s.QueueAsync(scope, Conversation.Id, text, null, author, CancellationToken.None));
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
        ReplyOutcome.AssignmentRequired => [result.Detail ?? "Assign this conversation to yourself before replying."],
        _ => ["This conversation no longer exists. Pick another one from the list."],
    };
}
