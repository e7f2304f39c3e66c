using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Infrastructure.Bot;
using Inbox.Infrastructure.Persistence;
using Inbox.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Tests.Integration;

/// <summary>A conversation the bot handled alone closes once quiet, so its episode counts as contained; nothing a person holds is touched.</summary>
public sealed class BotIdleResolverTests(BotIdleResolverTests.App app) : IClassFixture<BotIdleResolverTests.App>
{
    public sealed class App : InboxWebApplicationFactory;

    private Guid Add(InboxDbContext db, Guid inbox, string name, DateTimeOffset lastMessageAt, Action<Conversation> arrange)
    {
        var contact = new Inbox.Core.Contacts.Contact(name, null, lastMessageAt);
        var identity = contact.AddIdentity(ChannelKind.Line, "line-1", $"U{Guid.NewGuid():N}", name, null);
        var conversation = new Conversation(contact.Id, inbox, lastMessageAt);
        conversation.StartWithBot();
        var message = Message.Inbound(conversation.Id, identity.Id, new InboundMessage(ChannelKind.Line, "line-1", lastMessageAt, new InboundSender(identity.ExternalId, name, null), "line-" + Guid.NewGuid(), MessageType.Text, "Opening hours?"));
        conversation.RecordInbound(message);
        arrange(conversation);
        db.AddRange(contact, identity, conversation, message);
        return conversation.Id;
    }

    [Fact]
    public async Task A_quiet_bot_conversation_is_resolved_by_nobody_and_counts_as_contained_while_busy_or_human_ones_stay_open()
    {
        var now = DateTimeOffset.UtcNow;
        Guid quiet, recent, handedOver;
        await using (var db = app.CreateDbContext())
        {
            var inbox = (await db.SharedInboxes.FirstAsync()).Id;
            quiet = Add(db, inbox, "Quiet Bot", now.AddHours(-25), _ => { });
            recent = Add(db, inbox, "Recent Bot", now.AddHours(-2), _ => { });
            handedOver = Add(db, inbox, "Waiting Human", now.AddHours(-30), c => c.HandOver("Asked for: Talk to a person", null, Priority.Normal, now.AddHours(-30)));
            await db.SaveChangesAsync();
        }

        await app.Services.GetRequiredService<BotIdleResolver>().ResolveIdleAsync(CancellationToken.None);

        await using var check = app.CreateDbContext();
        var statuses = await check.Conversations.Where(c => c.Id == quiet || c.Id == recent || c.Id == handedOver).ToDictionaryAsync(c => c.Id, c => c.Status);
        Assert.Equal(ConversationStatus.Resolved, statuses[quiet]);
        Assert.Equal(ConversationStatus.Open, statuses[recent]);
        Assert.Equal(ConversationStatus.Pending, statuses[handedOver]);
        var episode = await check.ConversationEpisodes.SingleAsync(e => e.ConversationId == quiet);
        Assert.Equal((true, 0, (string?)null), (episode.WithBot, episode.HumanReplies, episode.ResolvedBy));
        Assert.Contains(await check.Messages.Where(m => m.ConversationId == quiet && m.Type == MessageType.System).Select(m => m.Text).ToListAsync(),
            t => t!.StartsWith("Resolved automatically", StringComparison.Ordinal));
    }
}
