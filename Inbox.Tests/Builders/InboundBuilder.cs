using Inbox.Core.Channels;
using Inbox.Core.Conversations;

namespace Inbox.Tests.Builders;

/// <summary>Normalized inbound messages for domain tests, with sensible defaults.</summary>
public sealed class InboundBuilder
{
    private ChannelKind _channel = ChannelKind.WhatsApp;
    private DateTimeOffset _at = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private string _text = "Hello";
    private string _id = Guid.NewGuid().ToString("N");

    public InboundBuilder On(ChannelKind channel) { _channel = channel; return this; }
    public InboundBuilder At(DateTimeOffset at) { _at = at; return this; }
    public InboundBuilder Saying(string text) { _text = text; return this; }
    public InboundBuilder WithId(string id) { _id = id; return this; }

    public InboundMessage Build() =>
        new(_channel, "account-1", _at, new InboundSender("user-1", "Alex Rivera", "15550107788"), _id, MessageType.Text, _text);

    public Message BuildFor(Conversation conversation) => Message.Inbound(conversation.Id, Guid.NewGuid(), Build());
}
