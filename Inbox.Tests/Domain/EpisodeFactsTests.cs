using Inbox.Core.Channels;
using Inbox.Core.Conversations;

namespace Inbox.Tests.Domain;

/// <summary>
/// The facts the reports read are recorded on the conversation as things happen and copied into the episode at
/// resolution (docs/metrics.md): each figure here is worked out by hand from the times in the test.
/// </summary>
public sealed class EpisodeFactsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    private static Message Patient(Conversation c, int minutes) =>
        Message.Inbound(c.Id, Guid.NewGuid(), new InboundMessage(ChannelKind.WhatsApp, "acct-1", T0.AddMinutes(minutes), new InboundSender("wa-1", "Ann", null), "wamid." + Guid.NewGuid(), MessageType.Text, "Hello"));

    private static Message Reply(Conversation c, int minutes, MessageAuthor author) =>
        Message.QueueOutbound(c.Id, Guid.NewGuid(), ChannelKind.WhatsApp, "acct-1", "Hi", author, T0.AddMinutes(minutes));

    [Fact]
    public void A_person_answering_a_patient_is_the_first_response_and_resolution_counts_from_the_episode_start()
    {
        var c = new Conversation(Guid.NewGuid(), Guid.NewGuid(), T0);
        c.RecordInbound(Patient(c, 0));
        c.RecordInbound(Patient(c, 3));
        c.RecordOutbound(Reply(c, 12, MessageAuthor.Agent("lee", "Lee")));
        c.RecordOutbound(Reply(c, 20, MessageAuthor.Agent("rita", "Rita")));

        var episode = c.Resolve(T0.AddMinutes(30), "rita");

        // First patient message at 0, first human reply at 12 → 720 s, credited to Lee; resolved at 30 → 1,800 s.
        Assert.Equal((720, "lee", 2, false), (episode.FirstResponseSeconds, episode.FirstResponderId, episode.HumanReplies, episode.WithBot));
        Assert.Equal((1800, "rita", ChannelKind.WhatsApp), (episode.ResolutionSeconds, episode.ResolvedBy, episode.Channel));
        Assert.Null(c.EpisodeFirstReplyAt);
        Assert.Equal(0, c.EpisodeHumanReplies);
    }

    [Fact]
    public void A_reopen_starts_a_new_episode_with_its_own_times()
    {
        var c = new Conversation(Guid.NewGuid(), Guid.NewGuid(), T0);
        c.RecordInbound(Patient(c, 0));
        c.RecordOutbound(Reply(c, 5, MessageAuthor.Agent("lee", "Lee")));
        var first = c.Resolve(T0.AddMinutes(10), "lee");

        // Two days later the patient writes again: the new episode starts then, not at the conversation's creation.
        c.RecordInbound(Patient(c, 2 * 24 * 60));
        c.RecordOutbound(Reply(c, 2 * 24 * 60 + 1, MessageAuthor.Agent("lee", "Lee")));
        var second = c.Resolve(T0.AddMinutes(2 * 24 * 60 + 4), "lee");

        Assert.Equal((300, 600), (first.FirstResponseSeconds, first.ResolutionSeconds));
        Assert.Equal((60, 240), (second.FirstResponseSeconds, second.ResolutionSeconds));
        Assert.Equal(T0.AddDays(2), second.OpenedAt);
    }

    [Fact]
    public void With_the_bot_the_first_response_counts_from_the_handover_and_the_wait_until_someone_takes_it()
    {
        var c = new Conversation(Guid.NewGuid(), Guid.NewGuid(), T0);
        c.StartWithBot();
        c.RecordInbound(Patient(c, 0));
        c.RecordOutbound(Reply(c, 0, MessageAuthor.Bot));
        c.HandOver("Asked for: Talk to a person", null, Priority.Normal, T0.AddMinutes(4));
        c.Take("lee", T0.AddMinutes(10));
        c.RecordOutbound(Reply(c, 11, MessageAuthor.Agent("lee", "Lee")));

        var episode = c.Resolve(T0.AddMinutes(15), "lee");

        // Handover at 4, taken at 10 → wait 360 s; first human reply at 11 → 420 s after the handover (the bot's reply does not count).
        Assert.Equal((true, 360, 420, 1), (episode.WithBot, episode.HandoverWaitSeconds, episode.FirstResponseSeconds, episode.HumanReplies));
        Assert.Equal(T0.AddMinutes(4), episode.HandedOverAt);
    }

    [Fact]
    public void An_episode_the_bot_handles_alone_has_no_human_reply_and_no_handover()
    {
        var c = new Conversation(Guid.NewGuid(), Guid.NewGuid(), T0);
        c.StartWithBot();
        c.RecordInbound(Patient(c, 0));
        c.RecordOutbound(Reply(c, 0, MessageAuthor.Bot));

        var episode = c.Resolve(T0.AddMinutes(60), "rita");

        Assert.Equal((true, 0), (episode.WithBot, episode.HumanReplies));
        Assert.Null(episode.FirstResponseSeconds);
        Assert.Null(episode.HandedOverAt);
    }

    [Fact]
    public void When_the_clinic_writes_first_the_first_response_is_the_first_reply_after_the_patient_writes()
    {
        var c = new Conversation(Guid.NewGuid(), Guid.NewGuid(), T0);
        c.RecordOutbound(Reply(c, 0, MessageAuthor.Agent("lee", "Lee")));
        Assert.Null(c.EpisodeFirstReplyAt);
        c.RecordInbound(Patient(c, 5));
        c.RecordOutbound(Reply(c, 20, MessageAuthor.Agent("rita", "Rita")));

        var episode = c.Resolve(T0.AddMinutes(21), "rita");

        // The reminder at 0 answers nothing; the patient writes at 5, Rita answers at 20 → 900 s.
        Assert.Equal((900, "rita", 2), (episode.FirstResponseSeconds, episode.FirstResponderId, episode.HumanReplies));
    }
}
