using Inbox.Core.Channels;
using Inbox.Core.Conversations;

namespace Inbox.Tests.Domain;

/// <summary>Which channel a merged patient's thread is answered on, and why the others cannot be used.</summary>
public sealed class ReplyChannelsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void The_default_is_the_latest_patient_message_whose_window_is_open()
    {
        var options = ReplyChannels.Options([
            new ReplyChannelState(ChannelKind.WhatsApp, Now.AddHours(-30), false),
            new ReplyChannelState(ChannelKind.Line, Now.AddHours(-2), false),
            new ReplyChannelState(ChannelKind.Messenger, Now.AddHours(-1), false),
        ], Now);

        Assert.Equal([ChannelKind.Messenger, ChannelKind.Line, ChannelKind.WhatsApp], options.Select(o => o.Channel));
        Assert.Equal(ChannelKind.Messenger, ReplyChannels.Default(options)!.Channel);
        Assert.Equal(ReplyMode.TemplatesOnly, options.Single(o => o.Channel == ChannelKind.WhatsApp).Mode);
    }

    [Fact]
    public void A_newer_message_on_a_closed_channel_does_not_win_over_an_open_one()
    {
        var options = ReplyChannels.Options([
            new ReplyChannelState(ChannelKind.WhatsApp, Now.AddHours(-1), false),
            new ReplyChannelState(ChannelKind.Line, Now.AddHours(-5), true),
            new ReplyChannelState(ChannelKind.Messenger, Now.AddDays(-3), false),
        ], Now);

        Assert.Equal(ChannelKind.WhatsApp, ReplyChannels.Default(options)!.Channel);
        var line = options.Single(o => o.Channel == ChannelKind.Line);
        Assert.Equal(ReplyMode.Unavailable, line.Mode);
        Assert.Contains("blocked", line.Explanation);
        Assert.Equal(ReplyMode.HumanAgentTag, options.Single(o => o.Channel == ChannelKind.Messenger).Mode);
    }

    [Fact]
    public void With_every_window_closed_a_person_may_still_use_messengers_tag_then_whatsapp_templates()
    {
        var options = ReplyChannels.Options([
            new ReplyChannelState(ChannelKind.WhatsApp, Now.AddDays(-2), false),
            new ReplyChannelState(ChannelKind.Messenger, Now.AddDays(-8), false),
        ], Now);

        Assert.Equal(ChannelKind.WhatsApp, ReplyChannels.Default(options)!.Channel);
        Assert.Equal("Window closed on Messenger — the patient must write first", options.Single(o => o.Channel == ChannelKind.Messenger).Explanation);
        Assert.Null(ReplyChannels.Default([]));
    }
}
