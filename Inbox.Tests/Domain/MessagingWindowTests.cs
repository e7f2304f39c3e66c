using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Microsoft.Extensions.Time.Testing;

namespace Inbox.Tests.Domain;

public sealed class MessagingWindowTests
{
    private static readonly DateTimeOffset Last = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(ChannelKind.WhatsApp)]
    [InlineData(ChannelKind.Messenger)]
    public void Meta_channels_allow_free_form_replies_for_24_hours(ChannelKind channel)
    {
        Assert.True(MessagingWindow.IsOpen(channel, Last, Last.AddHours(23).AddMinutes(59)));
        Assert.False(MessagingWindow.IsOpen(channel, Last, Last.AddHours(24)));
        Assert.Equal(Last.AddHours(24), MessagingWindow.ClosesAt(channel, Last));
    }

    [Fact]
    public void Line_has_no_window()
    {
        Assert.True(MessagingWindow.IsOpen(ChannelKind.Line, Last, Last.AddDays(30)));
        Assert.Null(MessagingWindow.ClosesAt(ChannelKind.Line, Last));
    }

    [Fact]
    public void A_window_never_opened_is_closed()
    {
        Assert.False(MessagingWindow.IsOpen(ChannelKind.WhatsApp, null, Last));
    }

    [Fact]
    public void On_Messenger_a_person_may_reply_with_the_human_agent_tag_for_7_days()
    {
        var clock = new FakeTimeProvider(Last.AddHours(25));

        Assert.False(MessagingWindow.IsOpen(ChannelKind.Messenger, Last, clock.GetUtcNow()));
        Assert.True(MessagingWindow.HumanAgentTagAllowed(ChannelKind.Messenger, Last, clock.GetUtcNow()));

        clock.SetUtcNow(Last.AddDays(7).AddMinutes(-1));
        Assert.True(MessagingWindow.HumanAgentTagAllowed(ChannelKind.Messenger, Last, clock.GetUtcNow()));

        clock.SetUtcNow(Last.AddDays(7));
        Assert.False(MessagingWindow.HumanAgentTagAllowed(ChannelKind.Messenger, Last, clock.GetUtcNow()));
        Assert.Equal(Last.AddDays(7), MessagingWindow.HumanAgentTagClosesAt(ChannelKind.Messenger, Last));
    }

    [Theory]
    [InlineData(ChannelKind.WhatsApp)]
    [InlineData(ChannelKind.Line)]
    public void The_human_agent_tag_exists_only_on_Messenger(ChannelKind channel)
    {
        Assert.False(MessagingWindow.HumanAgentTagAllowed(channel, Last, Last.AddHours(25)));
        Assert.False(MessagingWindow.HumanAgentTagAllowed(channel, Last, Last.AddMinutes(1)));
        Assert.Null(MessagingWindow.HumanAgentTagClosesAt(channel, Last));
    }

    [Fact]
    public void The_human_agent_tag_needs_a_message_from_the_patient()
    {
        Assert.False(MessagingWindow.HumanAgentTagAllowed(ChannelKind.Messenger, null, Last));
        Assert.Equal(DateTimeOffset.MinValue, MessagingWindow.HumanAgentTagClosesAt(ChannelKind.Messenger, null));
    }
}
