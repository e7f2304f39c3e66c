using Inbox.Core.CannedReplies;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inbox.Infrastructure.Persistence.Configurations;

internal sealed class CannedReplyConfiguration : IEntityTypeConfiguration<CannedReply>
{
    public void Configure(EntityTypeBuilder<CannedReply> builder)
    {
        builder.Property(r => r.Shortcut).HasMaxLength(32).IsRequired();
        builder.Property(r => r.Title).HasMaxLength(100).IsRequired();
        builder.Property(r => r.Body).HasMaxLength(CannedReply.BodyMaxLength).IsRequired();
        // "/hours" finds its reply by shortcut prefix.
        builder.HasIndex(r => r.Shortcut).IsUnique();
    }
}
