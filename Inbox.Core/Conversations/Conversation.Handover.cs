using Inbox.Core.Bot;
using Inbox.Core.Common;

namespace Inbox.Core.Conversations;

/// <summary>Who owns the conversation, the bot or people, and the handover between them.</summary>
public sealed partial class Conversation
{
    public const int HandoverReasonMax = 200;
    public const int HandoverSummaryMax = 2000;

    /// <summary>The flow version this bot session runs (pinned at its first turn); null before the bot has answered.</summary>
    public Guid? BotFlowVersionId { get; private set; }
    public BotState? BotState { get; private set; }
    /// <summary>Why people own it: "Asked for: Talk to a person", "Urgent: chest pain", "Taken over by staff".</summary>
    public string? HandoverReason { get; private set; }
    /// <summary>What the bot had collected at the handover, for the agent who picks it up.</summary>
    public string? HandoverSummary { get; private set; }
    public DateTimeOffset? HandedOverAt { get; private set; }

    /// <summary>In the agents' handover queue: handed over, nobody has taken it yet.</summary>
    public bool AwaitsPickup => HandledBy == HandledBy.Human && Status == ConversationStatus.Pending && AssigneeId is null && HandedOverAt is not null;

    /// <summary>The bot answers first: a new conversation in an inbox whose bot is on, or the next contact after a resolved one.</summary>
    public void StartWithBot() => BackToBot(state: null);

    /// <summary>Before recording a patient's message: a resolved conversation goes back to the bot for this new contact.</summary>
    public bool ReturnToBotIfResolved()
    {
        if (Status != ConversationStatus.Resolved) return false;
        StartWithBot();
        return true;
    }

    /// <summary>The bot finished a turn: where the flow is now, on which version.</summary>
    public void ContinueBot(Guid flowVersionId, BotState state)
    {
        if (HandledBy != HandledBy.Bot) throw new InboxDomainException("The bot does not own this conversation.");
        BotFlowVersionId = flowVersionId;
        BotState = state;
    }

    /// <summary>The bot passes the conversation to people: pending until an agent takes it; urgent raises the priority.</summary>
    public void HandOver(string reason, string? summary, Priority priority, DateTimeOffset at)
    {
        if (HandledBy != HandledBy.Bot) throw new InboxDomainException("People already own this conversation.");
        HandledBy = HandledBy.Human;
        Status = ConversationStatus.Pending;
        AssigneeId = null;
        if (priority > Priority) Priority = priority;
        HandoverReason = Clip(reason, HandoverReasonMax);
        HandoverSummary = summary is null ? null : Clip(summary, HandoverSummaryMax);
        HandedOverAt = at;
        EpisodeHandedOver(at);
    }

    /// <summary>A staff member takes a bot conversation straight to themselves (no queue).</summary>
    public void TakeOver(string agentId, DateTimeOffset at)
    {
        HandOver("Taken over by staff", BotState is { } state ? FlowBotEngine.Summary(state, consent: null) : null, Priority.Normal, at);
        Take(agentId, at);
    }

    /// <summary>An agent picks a handover from the queue.</summary>
    public void Take(string agentId, DateTimeOffset at)
    {
        if (!AwaitsPickup) throw new InboxDomainException("This conversation is not waiting to be taken.");
        AssigneeId = agentId;
        EpisodePickedUp(at);
        Status = ConversationStatus.Open;
    }

    /// <summary>An agent returns the conversation to the bot, which starts again at its menu.</summary>
    public void HandBack()
    {
        if (HandledBy != HandledBy.Human) throw new InboxDomainException("The bot already owns this conversation.");
        BackToBot((BotState ?? BotState.New) with { Step = BotStep.Menu, Misses = 0 });
        Status = ConversationStatus.Open;
    }

    /// <summary>Whichever way the bot gets a conversation back: nobody assigned, normal priority, no handover, the flow re-pinned at its next turn.</summary>
    private void BackToBot(BotState? state)
    {
        HandledBy = HandledBy.Bot;
        AssigneeId = null;
        Priority = Priority.Normal;
        BotState = state;
        BotFlowVersionId = null;
        HandoverReason = null;
        HandoverSummary = null;
        HandedOverAt = null;
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..max];
}
