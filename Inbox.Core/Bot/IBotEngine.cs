using Inbox.Core.Consent;
using Inbox.Core.Conversations;

namespace Inbox.Core.Bot;

/// <summary>
/// Decides what the bot answers to one patient message. Pure: everything it needs comes in (flow, state,
/// consent, the message, the time) and everything it wants done comes out, so the rule bot of today and an
/// AI agent later plug into the same runner, and scripted conversations test it without a database.
/// </summary>
public interface IBotEngine
{
    BotDecision Decide(BotTurn turn);
}

/// <param name="ChoiceId">The id of the button, list row or quick reply the patient tapped, if any.</param>
public sealed record BotInput(string? Text, string? ChoiceId = null, MessageType Type = MessageType.Text);

public sealed record BotTurn(BotFlow Flow, BotState? State, ConsentState Consent, BotInput Input, DateTimeOffset Now);

/// <param name="HandoverNotice">Tells the patient about the handover itself: the one bot message that may still leave once a person owns the conversation.</param>
public sealed record BotReply(string Text, IReadOnlyList<MessageChoice>? Choices = null, bool HandoverNotice = false);

public sealed record BotHandover(string Reason, Priority Priority, string Summary);

public sealed record AppointmentDraft(string Service, string PreferredTime, string PatientName, DateOnly DateOfBirth);

/// <param name="Consent">A consent answer to record in the ledger (accepted, declined, opted out).</param>
public sealed record BotDecision(
    BotState State,
    IReadOnlyList<BotReply> Replies,
    ConsentState? Consent = null,
    BotHandover? Handover = null,
    AppointmentDraft? Appointment = null);
