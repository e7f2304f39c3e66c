using Inbox.Core.Channels;
using Inbox.Core.Common;

namespace Inbox.Core.Consent;

/// <summary>
/// One line of the consent ledger: what the patient answered, when, on which channel. Append-only; the
/// newest line per contact is their current answer. Keyed by ContactId so contact merge can move it.
/// </summary>
public sealed class ConsentRecord : Entity
{
    private ConsentRecord() { }

    public ConsentRecord(Guid contactId, Guid? conversationId, ConsentState state, ChannelKind channel, DateTimeOffset at)
    {
        if (state == ConsentState.Unknown) throw new InboxDomainException("The ledger records answers, not their absence.");
        ContactId = contactId;
        ConversationId = conversationId;
        State = state;
        Channel = channel;
        At = at;
    }

    public Guid ContactId { get; private set; }
    public Guid? ConversationId { get; private set; }
    public ConsentState State { get; private set; }
    public ChannelKind Channel { get; private set; }
    public DateTimeOffset At { get; private set; }
}
