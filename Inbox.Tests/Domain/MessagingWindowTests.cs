using Inbox.Core.Channels;
using Inbox.Core.Conversations;

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
}
