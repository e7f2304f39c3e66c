using Inbox.Core.Channels;
using Inbox.Core.Contacts;
using Inbox.Core.Conversations;
using Inbox.Core.Csat;
using Inbox.Core.Realtime;
using Inbox.Infrastructure.Channels.Accounts;
using Inbox.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Infrastructure.Messaging;

/// <summary>
/// Applies a batch of normalized inbound events to the database: finds or creates the patient and
/// their conversation, stores each new message once, and moves delivery statuses forward.
/// Everything is looked up with one query per kind (and channel) for the whole batch, untracked, and
/// every lookup seeks an index; the caller saves <see cref="Writes"/> inside its transaction.
/// </summary>
internal sealed class InboundEventApplier(InboxDbContext db, ChannelAccountDirectory accounts, TimeProvider clock)
{
    private readonly Dictionary<(ChannelKind, string, string), ChannelIdentity> _identities = [];
    private readonly Dictionary<(Guid Contact, Guid Inbox), Conversation> _conversations = [];
    private readonly Dictionary<(ChannelKind, string), Message> _messagesByProviderId = [];
    private readonly Dictionary<Guid, CsatSurvey?> _latestSurveys = [];

    public InboundWrites Writes { get; } = new();

    public async Task<List<InboxChange>> ApplyAsync(IReadOnlyList<InboundEvent> events, CancellationToken ct)
    {
        var changes = new List<InboxChange>();
        var messages = events.OfType<InboundMessage>().ToList();
        var follows = events.OfType<InboundFollow>().ToList();
        var echoes = events.OfType<InboundEcho>().ToList();
        await LoadIdentitiesAsync(messages.Select(m => (m.Channel, m.AccountId, m.Sender.ExternalId))
            .Concat(follows.Select(f => (f.Channel, f.AccountId, f.Sender.ExternalId)))
            .Concat(echoes.Select(e => (e.Channel, e.AccountId, e.RecipientExternalId)))
            .Concat(events.OfType<InboundUnsend>().Select(u => (u.Channel, u.AccountId, u.Sender.ExternalId))).ToList(), ct);

        if (messages.Count > 0) await ApplyMessagesAsync(messages, changes, ct);
        if (follows.Count > 0) await ApplyFollowsAsync(follows, changes, ct);
        if (echoes.Count > 0) await ApplyEchoesAsync(echoes, changes, ct);
        var statuses = events.OfType<InboundStatus>().ToList();
        if (statuses.Count > 0) await ApplyStatusesAsync(statuses, changes, ct);
        var reactions = events.OfType<InboundReaction>().ToList();
        if (reactions.Count > 0) await ApplyReactionsAsync(reactions, changes, ct);
        var unsends = events.OfType<InboundUnsend>().ToList();
        if (unsends.Count > 0) await ApplyUnsendsAsync(unsends, changes, ct);
        var watermarks = events.OfType<InboundWatermark>().ToList();
        if (watermarks.Count > 0) await ApplyWatermarksAsync(watermarks, changes, ct);
        return changes;
    }

    private async Task ApplyMessagesAsync(List<InboundMessage> messages, List<InboxChange> changes, CancellationToken ct)
    {
        var seen = await KnownProviderIdsAsync(messages.Select(m => (m.Channel, m.ProviderMessageId)), ct);
        foreach (var inbound in messages)
        {
            if (!seen.Add((inbound.Channel, inbound.ProviderMessageId))) continue;
            var identity = IdentityFor(inbound.Channel, inbound.AccountId, inbound.Sender, inbound.Timestamp);
            if (inbound.ReplyToken is not null)
            {
                identity.OfferReplyToken(inbound.ReplyToken, inbound.Timestamp);
                Writes.Updated(identity);
            }
            var conversation = ConversationFor(identity.ContactId, InboxOf(inbound), inbound.Timestamp, patientWrote: true);
            var message = Message.Inbound(conversation.Id, identity.Id, inbound);
            Writes.Added(message);
            _messagesByProviderId[(message.Channel, inbound.ProviderMessageId)] = message;
            // Before the resolved-thread rules (back to the bot, a new episode): a rating answers the survey and reopens nothing.
            if (await AnswerSurveyAsync(conversation, message, changes, ct)) continue;
            if (accounts.BotAnswers(conversation.SharedInboxId)) conversation.ReturnToBotIfResolved();
            conversation.RecordInbound(message);
            Writes.Updated(conversation);
            // The bot answers after this batch commits (BotRunner), once per message.
            if (conversation.HandledBy == HandledBy.Bot) Writes.Added(new Bot.PendingBotTurn(message.Id, conversation.Id, message.CreatedAt));
            changes.Add(new InboxChange(InboxChangeKind.MessageAdded, conversation.Id, message.Id));
        }
    }

    /// <summary>
    /// A rating (a tapped choice, "4", "4 great nurse", "4/5", "★★★★") to a resolved thread whose latest survey awaits one:
    /// the message stays in the thread, the survey records the answer, the thread stays resolved (no new episode, no
    /// bot), and the thanks is queued like the survey. Anything else — or a rating after the answer window — is an
    /// ordinary message, so no patient request is ever swallowed.
    /// </summary>
    private async Task<bool> AnswerSurveyAsync(Conversation conversation, Message message, List<InboxChange> changes, CancellationToken ct)
    {
        if (conversation.Status != ConversationStatus.Resolved) return false;
        if (SurveyAnswer.Parse(message.Text, message.Extras?.Chosen?.Id) is not { } answer) return false;
        if (!_latestSurveys.TryGetValue(conversation.Id, out var survey))
            // Seeks (ConversationId, CreatedAt); only ratings to resolved threads get here.
            _latestSurveys[conversation.Id] = survey = await db.CsatSurveys.AsNoTracking()
                .Where(s => s.ConversationId == conversation.Id).OrderByDescending(s => s.CreatedAt).FirstOrDefaultAsync(ct);
        if (survey is null || !survey.AwaitsRating(message.CreatedAt)) return false;

        survey.Answer(answer.Rating, answer.Comment, message.Id, message.CreatedAt);
        Writes.Updated(survey);
        conversation.RecordSurveyAnswer(message);
        Writes.Updated(conversation);
        // On the channel and identity the answer came from (its window is open now; LINE's fresh reply token answers it).
        var at = clock.GetUtcNow() is var now && now > message.CreatedAt ? now : message.CreatedAt;
        var thanks = Message.QueueOutbound(conversation.Id, message.ChannelIdentityId!.Value, message.Channel, message.AccountId, SurveyWording.Thanks, SurveyWording.Author, at);
        Writes.Added(thanks);
        conversation.RecordOutbound(thanks);
        Writes.QueuedOutbound = true;
        changes.Add(new InboxChange(InboxChangeKind.MessageAdded, conversation.Id, message.Id));
        changes.Add(new InboxChange(InboxChangeKind.MessageAdded, conversation.Id, thanks.Id));
        changes.Add(new InboxChange(InboxChangeKind.ConversationUpdated, conversation.Id));
        return true;
    }

    /// <summary>LINE follow / unfollow: remembered on the identity and shown in the thread, so staff know why a reply cannot arrive.</summary>
    private async Task ApplyFollowsAsync(List<InboundFollow> follows, List<InboxChange> changes, CancellationToken ct)
    {
        // Platforms give these events no message id: the time and kind make a key that a redelivery repeats.
        string KeyOf(InboundFollow f) => $"{(f.Following ? "follow" : "unfollow")}:{f.Sender.ExternalId}:{f.Timestamp.ToUnixTimeMilliseconds()}";
        var seen = await KnownProviderIdsAsync(follows.Select(f => (f.Channel, KeyOf(f))), ct);
        foreach (var follow in follows)
        {
            if (!seen.Add((follow.Channel, KeyOf(follow)))) continue;
            var identity = IdentityFor(follow.Channel, follow.AccountId, follow.Sender, follow.Timestamp);
            identity.SetFollowing(follow.Following);
            identity.OfferReplyToken(follow.ReplyToken, follow.Timestamp);
            Writes.Updated(identity);
            // A LINE follow comes before the patient's first message: it starts the conversation, with the bot where it answers.
            var conversation = ConversationFor(identity.ContactId, InboxOf(follow), follow.Timestamp, patientWrote: true);
            var channel = ChannelNames.Display(follow.Channel);
            var text = follow.Following
                ? $"Added the clinic as a friend on {channel}."
                : $"Blocked the clinic on {channel}: messages cannot be delivered until they add it again.";
            var message = Message.System(conversation.Id, identity.Id, follow.Channel, follow.AccountId, KeyOf(follow), text, follow.Timestamp);
            Writes.Added(message);
            conversation.RecordSystem(message);
            Writes.Updated(conversation);
            changes.Add(new InboxChange(InboxChangeKind.MessageAdded, conversation.Id, message.Id));
        }
    }

    /// <summary>
    /// Messenger echoes: ours (known provider id, or our message id in the metadata) are skipped; a message the page
    /// sent from elsewhere is recorded so the thread shows everything the patient received.
    /// </summary>
    private async Task ApplyEchoesAsync(List<InboundEcho> echoes, List<InboxChange> changes, CancellationToken ct)
    {
        var seen = await KnownProviderIdsAsync(echoes.Select(e => (e.Channel, e.ProviderMessageId)), ct);
        var ourIds = echoes.Select(e => Guid.TryParse(e.Metadata, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).ToList();
        var ours = ourIds.Count == 0 ? [] : (await db.Messages.AsNoTracking().Where(m => ourIds.Contains(m.Id)).Select(m => m.Id).ToListAsync(ct)).ToHashSet();
        foreach (var echo in echoes)
        {
            if (Guid.TryParse(echo.Metadata, out var ourId) && ours.Contains(ourId)) continue;
            if (!seen.Add((echo.Channel, echo.ProviderMessageId))) continue;
            if (!_identities.TryGetValue((echo.Channel, echo.AccountId, echo.RecipientExternalId), out var identity)) continue;
            var conversation = ConversationFor(identity.ContactId, InboxOf(echo), echo.Timestamp, patientWrote: false);
            var message = Message.SentElsewhere(conversation.Id, identity.Id, echo);
            Writes.Added(message);
            conversation.RecordOutbound(message);
            Writes.Updated(conversation);
            changes.Add(new InboxChange(InboxChangeKind.MessageAdded, conversation.Id, message.Id));
        }
    }

    private async Task ApplyStatusesAsync(List<InboundStatus> statuses, List<InboxChange> changes, CancellationToken ct)
    {
        var byId = await MessagesByProviderIdAsync(statuses.Select(s => (s.Channel, s.ProviderMessageId)), MessageDirection.Out, ct);
        foreach (var receipt in statuses)
        {
            if (!byId.TryGetValue((receipt.Channel, receipt.ProviderMessageId), out var message)) continue;
            if (!message.ApplyReceipt(receipt.Status, receipt.Timestamp, receipt.ErrorCode, receipt.ErrorReason)) continue;
            Writes.Updated(message);
            changes.Add(new InboxChange(InboxChangeKind.MessageUpdated, message.ConversationId, message.Id));
        }
    }

    /// <summary>A reaction decorates the message it reacts to (ours or the patient's); it is not a message of its own.</summary>
    private async Task ApplyReactionsAsync(List<InboundReaction> reactions, List<InboxChange> changes, CancellationToken ct)
    {
        var targets = await MessagesByProviderIdAsync(reactions.Select(r => (r.Channel, r.TargetProviderMessageId)), direction: null, ct);
        foreach (var reaction in reactions.OrderBy(r => r.Timestamp))
        {
            if (!targets.TryGetValue((reaction.Channel, reaction.TargetProviderMessageId), out var target)) continue;
            target.SetPatientReaction(reaction.Emoji);
            Writes.Updated(target);
            changes.Add(new InboxChange(InboxChangeKind.MessageUpdated, target.ConversationId, target.Id));
        }
    }

    /// <summary>LINE unsend: the message stays in the thread as "unsent", its content hidden everywhere.</summary>
    private async Task ApplyUnsendsAsync(List<InboundUnsend> unsends, List<InboxChange> changes, CancellationToken ct)
    {
        var targets = await MessagesByProviderIdAsync(unsends.Select(u => (u.Channel, u.ProviderMessageId)), MessageDirection.In, ct);
        foreach (var unsend in unsends)
        {
            // Only the patient who sent it can take it back.
            if (!targets.TryGetValue((unsend.Channel, unsend.ProviderMessageId), out var target) || target.Direction != MessageDirection.In) continue;
            if (!_identities.TryGetValue((unsend.Channel, unsend.AccountId, unsend.Sender.ExternalId), out var identity)) continue;
            if (target.ChannelIdentityId != identity.Id) continue;
            target.MarkUnsent(unsend.Timestamp);
            Writes.Updated(target);
            if (_conversations.Values.FirstOrDefault(c => c.Id == target.ConversationId) is { } conversation)
            {
                conversation.ForgetPreviewOf(target);
                Writes.Updated(conversation);
            }
            changes.Add(new InboxChange(InboxChangeKind.MessageUpdated, target.ConversationId, target.Id));
        }
    }

    /// <summary>Messenger delivery/read watermarks: every message we sent that person up to the watermark moves forward.</summary>
    private async Task ApplyWatermarksAsync(List<InboundWatermark> watermarks, List<InboxChange> changes, CancellationToken ct)
    {
        var named = await MessagesByProviderIdAsync(watermarks.SelectMany(w => w.ProviderMessageIds.Select(id => (w.Channel, id))), MessageDirection.Out, ct);
        foreach (var group in watermarks.GroupBy(w => (w.Channel, w.AccountId, w.RecipientExternalId)))
        {
            var (channel, account, recipient) = group.Key;
            var identityId = await db.ChannelIdentities.AsNoTracking()
                .Where(i => i.Channel == channel && i.AccountId == account && i.ExternalId == recipient).Select(i => (Guid?)i.Id).FirstOrDefaultAsync(ct);
            var latest = group.Max(w => w.Watermark);
            var covered = identityId is null ? [] : await db.Messages.AsNoTracking()
                .Where(m => m.ChannelIdentityId == identityId && m.CreatedAt <= latest && m.Direction == MessageDirection.Out
                            && (m.Status == DeliveryStatus.Sent || m.Status == DeliveryStatus.Delivered))
                .ToListAsync(ct);
            foreach (var watermark in group.OrderBy(w => w.Watermark))
            {
                var messages = covered.Where(m => m.CreatedAt <= watermark.Watermark)
                    .Concat(watermark.ProviderMessageIds.Select(id => named.GetValueOrDefault((channel, id))).OfType<Message>());
                foreach (var message in messages.Distinct())
                {
                    if (!message.ApplyReceipt(watermark.Status, watermark.Timestamp)) continue;
                    Writes.Updated(message);
                    changes.Add(new InboxChange(InboxChangeKind.MessageUpdated, message.ConversationId, message.Id));
                }
            }
        }
    }

    private async Task<HashSet<(ChannelKind, string)>> KnownProviderIdsAsync(IEnumerable<(ChannelKind Channel, string Id)> keys, CancellationToken ct)
    {
        var seen = new HashSet<(ChannelKind, string)>();
        // Per channel, so the lookup is a seek on the unique (Channel, ProviderMessageId) index, not a scan of Messages.
        foreach (var group in keys.GroupBy(k => k.Channel))
        {
            var channel = group.Key;
            var ids = group.Select(k => k.Id).Distinct().ToList();
            var found = await db.Messages.AsNoTracking().Where(m => m.Channel == channel && ids.Contains(m.ProviderMessageId!)).Select(m => m.ProviderMessageId!).ToListAsync(ct);
            foreach (var id in found) seen.Add((channel, id));
        }
        return seen;
    }

    /// <summary>
    /// The messages events point at, by platform id: those this batch just added, then one seek per channel on the
    /// unique (Channel, ProviderMessageId) index for the rest.
    /// </summary>
    private async Task<Dictionary<(ChannelKind, string), Message>> MessagesByProviderIdAsync(
        IEnumerable<(ChannelKind Channel, string Id)> keys, MessageDirection? direction, CancellationToken ct)
    {
        var byId = _messagesByProviderId.Where(m => direction is null || m.Value.Direction == direction).ToDictionary();
        foreach (var group in keys.GroupBy(k => k.Channel))
        {
            var channel = group.Key;
            var ids = group.Select(k => k.Id).Where(id => !byId.ContainsKey((channel, id))).Distinct().ToList();
            if (ids.Count == 0) continue;
            var query = db.Messages.AsNoTracking().Where(m => m.Channel == channel && ids.Contains(m.ProviderMessageId!));
            if (direction is { } d) query = query.Where(m => m.Direction == d);
            foreach (var m in await query.ToListAsync(ct)) byId[(m.Channel, m.ProviderMessageId!)] = m;
        }
        return byId;
    }

    private async Task LoadIdentitiesAsync(List<(ChannelKind Channel, string Account, string ExternalId)> keys, CancellationToken ct)
    {
        if (keys.Count == 0) return;
        var found = new List<ChannelIdentity>();
        // Per channel account, so the lookup seeks the unique (Channel, AccountId, ExternalId) index.
        foreach (var group in keys.GroupBy(k => (k.Channel, k.Account)))
        {
            var (channel, account) = group.Key;
            var externalIds = group.Select(k => k.ExternalId).Distinct().ToList();
            found.AddRange(await db.ChannelIdentities.AsNoTracking()
                .Where(i => i.Channel == channel && i.AccountId == account && externalIds.Contains(i.ExternalId)).ToListAsync(ct));
        }
        foreach (var identity in found) _identities[(identity.Channel, identity.AccountId, identity.ExternalId)] = identity;

        var contactIds = found.Select(i => i.ContactId).Distinct().ToList();
        var conversations = await db.Conversations.AsNoTracking().Where(c => contactIds.Contains(c.ContactId)).ToListAsync(ct);
        // One patient, one thread per shared inbox: the newest conversation carries on, whichever channel the patient uses.
        foreach (var c in conversations.GroupBy(c => (c.ContactId, c.SharedInboxId))) _conversations[c.Key] = c.MaxBy(x => x.LastMessageAt)!;
    }

    private ChannelIdentity IdentityFor(ChannelKind channel, string account, InboundSender sender, DateTimeOffset at)
    {
        var key = (channel, account, sender.ExternalId);
        if (_identities.TryGetValue(key, out var identity))
        {
            var (name, phone) = (identity.DisplayName, identity.Phone);
            identity.RefreshProfile(sender.DisplayName, sender.Phone);
            if (name != identity.DisplayName || phone != identity.Phone) Writes.Updated(identity);
            return identity;
        }
        PhoneNumber.TryParse(sender.Phone, out var parsed);
        var contact = new Contact(sender.DisplayName ?? sender.Username ?? "", parsed, at);
        identity = contact.AddIdentity(channel, account, sender.ExternalId, sender.DisplayName, sender.Phone);
        Writes.Added(contact);
        Writes.Added(identity);
        _identities[key] = identity;
        return identity;
    }

    /// <summary>The inbox the account feeds; an account disconnected since the webhook arrived still lands somewhere visible.</summary>
    private Guid InboxOf(InboundEvent inbound) =>
        accounts.Find(inbound.Channel, inbound.AccountId)?.SharedInboxId ?? accounts.DefaultInboxId;

    /// <summary>
    /// The patient's thread in the inbox, or a new one: with the inbox's bot when the patient started it, with people when
    /// a person wrote first (an echo of a message sent from the page elsewhere).
    /// </summary>
    private Conversation ConversationFor(Guid contactId, Guid inboxId, DateTimeOffset at, bool patientWrote)
    {
        if (_conversations.TryGetValue((contactId, inboxId), out var conversation)) return conversation;
        conversation = new Conversation(contactId, inboxId, at);
        if (patientWrote && accounts.BotAnswers(inboxId)) conversation.StartWithBot();
        Writes.Added(conversation);
        _conversations[(contactId, inboxId)] = conversation;
        return conversation;
    }
}
