using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Tests.Builders;

namespace Inbox.Tests.Domain;

public sealed class ConversationTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_inbound_message_counts_unread_and_opens_the_window_on_its_channel()
    {
        var conversation = new Conversation(Guid.NewGuid(), Guid.NewGuid(), T0);
        conversation.RecordInbound(new InboundBuilder().On(ChannelKind.Line).At(T0.AddMinutes(1)).Saying("Is my report ready?").BuildFor(conversation));

        Assert.Equal(1, conversation.UnreadCount);
        Assert.Equal(T0.AddMinutes(1), conversation.LastInboundAt);
        Assert.Equal(ChannelKind.Line, conversation.LastInboundChannel);
        Assert.Equal([ChannelKind.Line], conversation.Channels);
        Assert.Equal("Is my report ready?", conversation.LastMessagePreview);
    }

    [Fact]
    public void A_message_that_arrives_late_does_not_replace_the_newer_preview()
    {
        var conversation = new Conversation(Guid.NewGuid(), Guid.NewGuid(), T0);
        conversation.RecordInbound(new InboundBuilder().At(T0.AddMinutes(5)).Saying("newer").BuildFor(conversation));
        conversation.RecordInbound(new InboundBuilder().At(T0.AddMinutes(1)).Saying("older").BuildFor(conversation));

        Assert.Equal("newer", conversation.LastMessagePreview);
        Assert.Equal(T0.AddMinutes(5), conversation.LastMessageAt);
        Assert.Equal(T0.AddMinutes(5), conversation.LastInboundAt);
        Assert.Equal(2, conversation.UnreadCount);
    }

    [Fact]
    public void Long_texts_are_cut_to_the_preview_length()
    {
        var conversation = new Conversation(Guid.NewGuid(), Guid.NewGuid(), T0);
        conversation.RecordInbound(new InboundBuilder().At(T0).Saying(new string('x', 500)).BuildFor(conversation));

        Assert.Equal(Conversation.PreviewLength, conversation.LastMessagePreview!.Length);
    }

    [Fact]
    public void A_staff_reply_moves_the_thread_up_but_not_the_window()
    {
        var conversation = new Conversation(Guid.NewGuid(), Guid.NewGuid(), T0);
        conversation.RecordInbound(new InboundBuilder().At(T0).BuildFor(conversation));
        var reply = Message.QueueOutbound(conversation.Id, Guid.NewGuid(), ChannelKind.WhatsApp, "acc", "On it", MessageAuthor.Agent("a", "Ana"), T0.AddMinutes(3));
        conversation.RecordOutbound(reply);

        Assert.Equal(T0.AddMinutes(3), conversation.LastMessageAt);
        Assert.Equal(T0, conversation.LastInboundAt);
        Assert.Equal(MessageDirection.Out, conversation.LastMessageDirection);
    }

    [Fact]
    public void Marking_read_clears_the_unread_count()
    {
        var conversation = new Conversation(Guid.NewGuid(), Guid.NewGuid(), T0);
        conversation.RecordInbound(new InboundBuilder().At(T0).BuildFor(conversation));
        conversation.MarkRead();

        Assert.Equal(0, conversation.UnreadCount);
    }
}
