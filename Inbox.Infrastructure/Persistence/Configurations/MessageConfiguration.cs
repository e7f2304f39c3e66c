using Inbox.Core.Conversations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inbox.Infrastructure.Persistence.Configurations;

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> builder)
    {
        builder.Property(m => m.AccountId).HasMaxLength(64).IsRequired();
        builder.Property(m => m.ProviderMessageId).HasMaxLength(160);
        builder.Property(m => m.ReplyToProviderMessageId).HasMaxLength(160);
        builder.Property(m => m.MediaId).HasMaxLength(160);
        builder.Property(m => m.MediaMimeType).HasMaxLength(100);
        builder.Property(m => m.ErrorCode).HasMaxLength(32);
        builder.Property(m => m.ErrorReason).HasMaxLength(500);
        builder.Property(m => m.AuthorId).HasMaxLength(64);
        builder.Property(m => m.AuthorName).HasMaxLength(200);
        builder.Ignore(m => m.Author);
        builder.HasOne<Conversation>().WithMany().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);

        // A redelivered platform message is stored once; receipts find their message by it.
        builder.HasIndex(m => new { m.Channel, m.ProviderMessageId }).IsUnique();
        // The thread, oldest first, keyset-paged.
        builder.HasIndex(m => new { m.ConversationId, m.CreatedAt, m.Id });
        // The durable outbound queue: due messages by next attempt time.
        builder.HasIndex(m => m.NextAttemptAt);
        // Reports count messages in a time range by direction; covering, so counting never reads the rows.
        builder.HasIndex(m => new { m.CreatedAt, m.Direction });
    }
}
