using Inbox.Core.Conversations;
using Inbox.Core.Notes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inbox.Infrastructure.Persistence.Configurations;

internal sealed class MentionConfiguration : IEntityTypeConfiguration<Mention>
{
    public void Configure(EntityTypeBuilder<Mention> builder)
    {
        builder.Property(m => m.StaffId).HasMaxLength(64).IsRequired();
        builder.Property(m => m.AuthorName).HasMaxLength(200).IsRequired();
        builder.HasOne<Conversation>().WithMany().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
        // The bell: a person's unread count and newest mentions.
        builder.HasIndex(m => new { m.StaffId, m.ReadAt, m.CreatedAt });
        // Opening a thread marks its mentions read; merge moves them by conversation.
        builder.HasIndex(m => new { m.ConversationId, m.StaffId });
    }
}
