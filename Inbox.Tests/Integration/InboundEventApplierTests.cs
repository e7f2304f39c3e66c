using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Infrastructure.Channels.Accounts;
using Inbox.Infrastructure.Messaging;
using Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Tests.Integration;

/// <summary>
/// The normalized events beyond plain messages, applied to a real SQLite database: reactions, LINE follows and
/// reply tokens, Messenger echoes and watermarks. Platform-independent: each adapter's own tests show it produces them.
/// </summary>
public sealed class InboundEventApplierTests(InboundEventApplierTests.App app) : IClassFixture<InboundEventApplierTests.App>
{
    public sealed class App : InboxWebApplicationFactory;

    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    private async Task ApplyAsync(params InboundEvent[] events)
    {
        _ = app.Server;
        await using var db = app.CreateDbContext();
        await using var tx = await db.Database.BeginTransactionAsync();
        var applier = new InboundEventApplier(db, app.Services.GetRequiredService<ChannelAccountDirectory>(), TimeProvider.System);
        await applier.ApplyAsync(events, default);
        await applier.Writes.SaveAsync(db, default);
        await tx.CommitAsync();
    }

    private static InboundMessage Text(ChannelKind channel, string sender, string id, string text, DateTimeOffset at, string? replyToken = null) =>
        new(channel, "acct-1", at, new InboundSender(sender, "Pat " + sender, null), id, MessageType.Text, text, ReplyToken: replyToken);

    [Fact]
    public async Task A_reaction_decorates_the_message_it_reacts_to_and_can_be_taken_back()
    {
        var sender = Guid.NewGuid().ToString("N");
        await ApplyAsync(Text(ChannelKind.WhatsApp, sender, "r-" + sender, "See you at ten", T0));
        await ApplyAsync(new InboundReaction(ChannelKind.WhatsApp, "acct-1", T0.AddMinutes(1), new InboundSender(sender, null, null), "r-" + sender, "👍"));

        await using var db = app.CreateDbContext();
        var message = await db.Messages.AsNoTracking().SingleAsync(m => m.ProviderMessageId == "r-" + sender);
        Assert.Equal("👍", message.PatientReaction);
        Assert.Equal(1, await db.Messages.CountAsync(m => m.ConversationId == message.ConversationId));

        await ApplyAsync(new InboundReaction(ChannelKind.WhatsApp, "acct-1", T0.AddMinutes(2), new InboundSender(sender, null, null), "r-" + sender, null));
        Assert.Null((await db.Messages.AsNoTracking().SingleAsync(m => m.Id == message.Id)).PatientReaction);
    }

    [Fact]
    public async Task A_line_follow_and_unfollow_are_shown_once_each_and_remembered_on_the_identity()
    {
        var user = "U" + Guid.NewGuid().ToString("N");
        var follow = new InboundFollow(ChannelKind.Line, "acct-1", T0, new InboundSender(user, null, null), Following: true, ReplyToken: "token-follow");
        await ApplyAsync(follow);
        await ApplyAsync(follow); // redelivered
        await ApplyAsync(new InboundFollow(ChannelKind.Line, "acct-1", T0.AddDays(1), new InboundSender(user, null, null), Following: false));

        await using var db = app.CreateDbContext();
        var identity = await db.ChannelIdentities.AsNoTracking().SingleAsync(i => i.ExternalId == user);
        Assert.False(identity.IsFollowing);
        var shown = await db.Messages.AsNoTracking().Where(m => m.ChannelIdentityId == identity.Id).OrderBy(m => m.CreatedAt).ToListAsync();
        Assert.Equal([MessageType.System, MessageType.System], shown.Select(m => m.Type));
        Assert.Contains("Added the clinic", shown[0].Text);
        Assert.Contains("Blocked the clinic", shown[1].Text);
        var conversation = await db.Conversations.AsNoTracking().SingleAsync(c => c.Id == shown[0].ConversationId);
        Assert.Equal(0, conversation.UnreadCount);
    }

    [Fact]
    public async Task The_latest_reply_token_is_kept_and_an_older_one_never_replaces_it()
    {
        var user = "U" + Guid.NewGuid().ToString("N");
        await ApplyAsync(Text(ChannelKind.Line, user, "l1-" + user, "Hello", T0.AddSeconds(10), replyToken: "newer"),
                         Text(ChannelKind.Line, user, "l0-" + user, "Hi", T0, replyToken: "older"));

        await using var db = app.CreateDbContext();
        var identity = await db.ChannelIdentities.AsNoTracking().SingleAsync(i => i.ExternalId == user);
        Assert.Equal("newer", identity.ReplyToken);
        Assert.Equal("newer", identity.TakeReplyToken(T0.AddSeconds(40), TimeSpan.FromSeconds(50)));
        Assert.Null(identity.TakeReplyToken(T0.AddSeconds(41), TimeSpan.FromSeconds(50)));
    }

    [Fact]
    public async Task An_echo_of_our_own_send_is_skipped_and_one_sent_from_elsewhere_is_recorded()
    {
        var psid = Random.Shared.NextInt64(1_000_000_000, 9_999_999_999).ToString();
        await ApplyAsync(Text(ChannelKind.Messenger, psid, "m-in-" + psid, "Do you open on Sunday?", T0));
        Guid ours;
        await using (var db = app.CreateDbContext())
        {
            var inbound = await db.Messages.SingleAsync(m => m.ProviderMessageId == "m-in-" + psid);
            var reply = Message.QueueOutbound(inbound.ConversationId, inbound.ChannelIdentityId!.Value, ChannelKind.Messenger, "acct-1", "No, Monday to Saturday.", MessageAuthor.Agent("a", "Ana"), T0.AddMinutes(1));
            db.Messages.Add(reply);
            await db.SaveChangesAsync();
            ours = reply.Id;
        }
        // Our echo overtakes the send response (no provider id stored yet): the metadata still identifies it.
        await ApplyAsync(new InboundEcho(ChannelKind.Messenger, "acct-1", T0.AddMinutes(1), psid, "m-echo-ours-" + psid, MessageType.Text, "No, Monday to Saturday.", "app", ours.ToString()),
                         new InboundEcho(ChannelKind.Messenger, "acct-1", T0.AddMinutes(5), psid, "m-echo-suite-" + psid, MessageType.Text, "Sent from Business Suite", "other-app"));

        await using var check = app.CreateDbContext();
        var outbound = await check.Messages.AsNoTracking().Where(m => m.Direction == MessageDirection.Out && m.AccountId == "acct-1" && m.Channel == ChannelKind.Messenger
            && check.ChannelIdentities.Any(i => i.Id == m.ChannelIdentityId && i.ExternalId == psid)).ToListAsync();
        Assert.Equal(2, outbound.Count);
        var elsewhere = Assert.Single(outbound, m => m.Id != ours);
        Assert.Equal("m-echo-suite-" + psid, elsewhere.ProviderMessageId);
        Assert.Equal(DeliveryStatus.Sent, elsewhere.Status);
        Assert.Equal("Sent outside Inbox", elsewhere.AuthorName);
    }

    [Fact]
    public async Task A_watermark_moves_every_message_sent_up_to_it_and_none_after()
    {
        var psid = Random.Shared.NextInt64(1_000_000_000, 9_999_999_999).ToString();
        await ApplyAsync(Text(ChannelKind.Messenger, psid, "w-in-" + psid, "Thanks", T0));
        var ids = new List<Guid>();
        await using (var db = app.CreateDbContext())
        {
            var inbound = await db.Messages.SingleAsync(m => m.ProviderMessageId == "w-in-" + psid);
            for (var i = 1; i <= 3; i++)
            {
                var m = Message.QueueOutbound(inbound.ConversationId, inbound.ChannelIdentityId!.Value, ChannelKind.Messenger, "acct-1", $"Reply {i}", MessageAuthor.Agent("a", "Ana"), T0.AddMinutes(i));
                m.MarkSent($"mid.{i}.{psid}", T0.AddMinutes(i));
                db.Messages.Add(m);
                ids.Add(m.Id);
            }
            await db.SaveChangesAsync();
        }
        await ApplyAsync(new InboundWatermark(ChannelKind.Messenger, "acct-1", T0.AddMinutes(10), psid, DeliveryStatus.Delivered, T0.AddMinutes(3), []),
                         new InboundWatermark(ChannelKind.Messenger, "acct-1", T0.AddMinutes(11), psid, DeliveryStatus.Read, T0.AddMinutes(2), []));

        await using var check = app.CreateDbContext();
        var statuses = await check.Messages.AsNoTracking().Where(m => ids.Contains(m.Id)).OrderBy(m => m.CreatedAt).Select(m => m.Status).ToListAsync();
        Assert.Equal([DeliveryStatus.Read, DeliveryStatus.Read, DeliveryStatus.Delivered], statuses);
    }

    [Fact]
    public async Task A_line_unsend_hides_the_message_and_its_preview_but_only_for_the_patient_who_sent_it()
    {
        var user = "U" + Guid.NewGuid().ToString("N");
        var other = "U" + Guid.NewGuid().ToString("N");
        await ApplyAsync(Text(ChannelKind.Line, user, "u1-" + user, "My ID card number is 1234", T0));
        await ApplyAsync(new InboundUnsend(ChannelKind.Line, "acct-1", T0.AddSeconds(5), new InboundSender(other, null, null), "u1-" + user));

        await using var db = app.CreateDbContext();
        var message = await db.Messages.AsNoTracking().SingleAsync(m => m.ProviderMessageId == "u1-" + user);
        Assert.Null(message.UnsentAt);

        await ApplyAsync(new InboundUnsend(ChannelKind.Line, "acct-1", T0.AddSeconds(9), new InboundSender(user, null, null), "u1-" + user));

        await using var scope = app.Services.CreateAsyncScope();
        var shown = await scope.ServiceProvider.GetRequiredService<IConversationQueries>().MessageAsync(Inbox.Core.Teams.InboxScope.All, message.Id, default);
        Assert.True(shown!.Unsent);
        Assert.Null(shown.Text);
        var conversation = await db.Conversations.AsNoTracking().SingleAsync(c => c.Id == message.ConversationId);
        Assert.Equal("Message unsent", conversation.LastMessagePreview);
    }
}
