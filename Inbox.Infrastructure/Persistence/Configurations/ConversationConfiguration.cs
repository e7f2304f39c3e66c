using Inbox.Core.Conversations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inbox.Infrastructure.Persistence.Configurations;

internal sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> builder)
    {
        builder.Property(c => c.AssigneeId).HasMaxLength(64);
        builder.Property(c => c.LastMessagePreview).HasMaxLength(Conversation.PreviewLength);
        builder.Ignore(c => c.Channels);
        builder.Ignore(c => c.AwaitsPickup);
        builder.Property(c => c.BotState).HasConversion(new JsonValueConverter<Inbox.Core.Bot.BotState?>());
        builder.Property(c => c.HandoverReason).HasMaxLength(Conversation.HandoverReasonMax);
        builder.Property(c => c.HandoverSummary).HasMaxLength(Conversation.HandoverSummaryMax);
        builder.Ignore(c => c.DomainEvents);
        builder.HasOne<Inbox.Core.Contacts.Contact>().WithMany().HasForeignKey(c => c.ContactId).OnDelete(DeleteBehavior.Restrict);

        builder.Property(c => c.LastInboundAccountId).HasMaxLength(64);
        builder.Property(c => c.EpisodeFirstResponderId).HasMaxLength(128);
        // Reports read the unfinished episodes' first responses and handover pick-ups by time (docs/metrics.md).
        builder.HasIndex(c => c.EpisodeFirstReplyAt).HasFilter("EpisodeFirstReplyAt IS NOT NULL");
        builder.HasIndex(c => c.EpisodePickedUpAt).HasFilter("EpisodePickedUpAt IS NOT NULL");

        // The inbox list: newest activity first, keyset-paged on (LastMessageAt, Id). Every view has a status
        // (ConversationFilter.For) and each filter an index that starts with its equality columns and ends in
        // (LastMessageAt, Id), so a page is one index seek read in order (ConversationListPlanTests checks the plans).
        // Channel and label filters are checked on the rows the seek reads (a bit mask; a primary-key probe).
        builder.HasIndex(c => new { c.LastMessageAt, c.Id });
        builder.HasIndex(c => new { c.Status, c.LastMessageAt, c.Id });            // All open, Pending, Snoozed, Resolved (and the snooze timer)
        builder.HasIndex(c => new { c.AssigneeId, c.Status, c.LastMessageAt, c.Id }); // Mine, Unassigned, assignee filter, round-robin loads
        builder.HasIndex(c => new { c.AssignedTeamId, c.Status, c.LastMessageAt, c.Id });
        // The same filters without a status (the API's ?assigneeId=, a team's whole history): read in order, no sort.
        builder.HasIndex(c => new { c.AssigneeId, c.LastMessageAt, c.Id });
        builder.HasIndex(c => new { c.AssignedTeamId, c.LastMessageAt, c.Id });
        builder.HasIndex(c => new { c.Status, c.Priority, c.LastMessageAt, c.Id });
        builder.HasIndex(c => new { c.Status, c.LastInboundAccountId, c.LastMessageAt, c.Id });
        builder.HasIndex(c => new { c.ContactId, c.LastMessageAt });
        // Threads folded into another by a contact merge: found again by an unmerge. Partial, so that the lists'
        // "not folded" filter (IS NULL, true of nearly every row) can never pick it over the ordered list indexes.
        builder.HasIndex(c => c.MergedIntoConversationId).HasFilter("MergedIntoConversationId IS NOT NULL");
        // Staff outside the admin role list only their teams' inboxes: per view, and without a status (a contact's threads, the API).
        builder.HasIndex(c => new { c.SharedInboxId, c.Status, c.LastMessageAt, c.Id });
        builder.HasIndex(c => new { c.SharedInboxId, c.LastMessageAt, c.Id });
        builder.HasOne<Inbox.Core.Teams.SharedInbox>().WithMany().HasForeignKey(c => c.SharedInboxId).OnDelete(DeleteBehavior.Restrict);
    }
}
