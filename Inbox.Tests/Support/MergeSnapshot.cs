using Microsoft.EntityFrameworkCore;

namespace Inbox.Tests.Support;

/// <summary>
/// Everything a merge may touch for a set of contacts, as plain comparable rows: an unmerge must give back exactly
/// what was there before (versions aside: they count changes and only ever grow).
/// </summary>
public sealed record MergeSnapshot(
    IReadOnlyList<string> Contacts, IReadOnlyList<string> Identities, IReadOnlyList<string> Conversations, IReadOnlyList<string> Messages,
    IReadOnlyList<string> Consents, IReadOnlyList<string> Appointments, IReadOnlyList<string> Labels, IReadOnlyList<string> Mentions,
    IReadOnlyList<string> Surveys)
{
    public static async Task<MergeSnapshot> TakeAsync(InboxWebApplicationFactory app, params Guid[] contactIds)
    {
        await using var db = app.CreateDbContext();
        var contacts = await db.Contacts.AsNoTracking().Where(c => contactIds.Contains(c.Id)).OrderBy(c => c.Id).ToListAsync();
        var identities = await db.ChannelIdentities.AsNoTracking().Where(i => contactIds.Contains(i.ContactId)).OrderBy(i => i.Id).ToListAsync();
        var conversations = await db.Conversations.AsNoTracking().Where(c => contactIds.Contains(c.ContactId)).OrderBy(c => c.Id).ToListAsync();
        var conversationIds = conversations.Select(c => c.Id).ToList();
        var messages = await db.Messages.AsNoTracking().Where(m => conversationIds.Contains(m.ConversationId)).OrderBy(m => m.Id).Select(m => new { m.Id, m.ConversationId }).ToListAsync();
        var consents = await db.ConsentRecords.AsNoTracking().Where(c => contactIds.Contains(c.ContactId)).OrderBy(c => c.Id).ToListAsync();
        var appointments = await db.AppointmentRequests.AsNoTracking().Where(a => contactIds.Contains(a.ContactId)).OrderBy(a => a.Id).ToListAsync();
        var labels = await db.ConversationLabels.AsNoTracking().Where(l => conversationIds.Contains(l.ConversationId)).ToListAsync();
        var mentions = await db.Mentions.AsNoTracking().Where(m => conversationIds.Contains(m.ConversationId)).OrderBy(m => m.Id).ToListAsync();
        var surveys = await db.CsatSurveys.AsNoTracking().Where(s => conversationIds.Contains(s.ConversationId)).OrderBy(s => s.Id).ToListAsync();
        return new MergeSnapshot(
            contacts.Select(c => $"{c.Id} {c.Name}|{c.Phone}|{c.Email}|{c.DateOfBirth}|{c.NameKey}|{c.NameSoundKey}|{c.DetailsVerifiedAt:O}|{c.MergedIntoId}|{c.CreatedAt:O}").ToList(),
            identities.Select(i => $"{i.Id} {i.ContactId} {i.Channel} {i.ExternalId}").ToList(),
            conversations.Select(c => $"{c.Id} {c.ContactId} {c.SharedInboxId} {c.MergedIntoConversationId} {c.Status} {c.LastMessageAt:O} {c.LastMessagePreview} {c.LastMessageDirection} {c.LastInboundAt:O} {c.LastInboundChannel} {c.ChannelMask} {c.UnreadCount}").ToList(),
            messages.Select(m => $"{m.Id} {m.ConversationId}").ToList(),
            consents.Select(c => $"{c.Id} {c.ContactId} {c.State} {c.At:O}").ToList(),
            appointments.Select(a => $"{a.Id} {a.ContactId} {a.ConversationId} {a.Status}").ToList(),
            labels.Select(l => $"{l.ConversationId} {l.LabelId}").Order().ToList(),
            mentions.Select(m => $"{m.Id} {m.ConversationId}").ToList(),
            surveys.Select(s => $"{s.Id} {s.ConversationId} {s.EpisodeId} {s.Outcome} {s.Rating} {s.AnswerMessageId}").ToList());
    }
}
