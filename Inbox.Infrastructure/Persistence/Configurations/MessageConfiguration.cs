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
        builder.Property(m => m.MediaId).HasMaxLength(2048); // Messenger attachment URLs are long
        builder.Property(m => m.MediaMimeType).HasMaxLength(100);
        builder.Property(m => m.MediaFileName).HasMaxLength(255);
        builder.Property(m => m.MediaCaption).HasMaxLength(1024);
        builder.Property(m => m.MediaSha256).HasMaxLength(100);
        builder.Property(m => m.MediaError).HasMaxLength(300);
        builder.Property(m => m.LocationName).HasMaxLength(200);
        builder.Property(m => m.LocationAddress).HasMaxLength(500);
        builder.Property(m => m.PatientReaction).HasMaxLength(32);
        builder.Property(m => m.Extras).HasConversion(new JsonValueConverter<MessageExtras?>());
        builder.Ignore(m => m.Location);
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
        // The media fetcher's queue: attachments due for a download attempt.
        builder.HasIndex(m => m.MediaNextAttemptAt);
        // Messenger watermarks: "everything sent to this person up to T".
        builder.HasIndex(m => new { m.ChannelIdentityId, m.CreatedAt });
        // Reports count messages in a time range by direction, type (no notes or system lines), channel, conversation
        // (distinct) and author (per person): covering, so counting a month of a busy clinic never reads the rows.
        builder.HasIndex(m => new { m.CreatedAt, m.Direction, m.Type, m.Channel, m.ConversationId, m.AuthorId });
    }
}
