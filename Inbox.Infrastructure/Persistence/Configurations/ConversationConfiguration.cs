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

        // The inbox list: newest activity first, keyset-paged on (LastMessageAt, Id), optionally per status or assignee.
        builder.HasIndex(c => new { c.LastMessageAt, c.Id });
        builder.HasIndex(c => new { c.Status, c.LastMessageAt, c.Id });
        builder.HasIndex(c => new { c.AssigneeId, c.LastMessageAt, c.Id });
        builder.HasIndex(c => new { c.ContactId, c.LastMessageAt });
        // Threads folded into another by a contact merge: found again by an unmerge.
        builder.HasIndex(c => c.MergedIntoConversationId);
        // Staff outside the admin role list only their teams' inboxes.
        builder.HasIndex(c => new { c.SharedInboxId, c.LastMessageAt, c.Id });
        builder.HasOne<Inbox.Core.Teams.SharedInbox>().WithMany().HasForeignKey(c => c.SharedInboxId).OnDelete(DeleteBehavior.Restrict);
    }
}
