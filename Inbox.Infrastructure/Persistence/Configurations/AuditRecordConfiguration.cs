using Inbox.Infrastructure.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inbox.Infrastructure.Persistence.Configurations;

internal sealed class AuditRecordConfiguration : IEntityTypeConfiguration<AuditRecord>
{
    public void Configure(EntityTypeBuilder<AuditRecord> builder)
    {
        builder.ToTable("AuditLog");
        builder.Property(a => a.ActorKind).HasMaxLength(16).IsRequired();
        builder.Property(a => a.ActorId).HasMaxLength(64).IsRequired();
        builder.Property(a => a.ActorName).HasMaxLength(200);
        builder.Property(a => a.Action).HasMaxLength(64).IsRequired();
        builder.Property(a => a.SubjectType).HasMaxLength(32).IsRequired();
        builder.Property(a => a.SubjectId).HasMaxLength(64).IsRequired();
        builder.Property(a => a.Ip).HasMaxLength(64);
        builder.Property(a => a.Detail).HasMaxLength(1000);
        builder.Property(a => a.PreviousHash).HasMaxLength(64).IsUnicode(false).IsRequired();
        builder.Property(a => a.Hash).HasMaxLength(64).IsUnicode(false).IsRequired();

        // Browsing the log newest first: one index per filter, each ending in At so a filtered page is read in
        // order without a sort (the key, Id, follows At in every index on both providers and breaks ties).
        builder.HasIndex(a => a.At);
        builder.HasIndex(a => new { a.ActorId, a.At });
        builder.HasIndex(a => new { a.Action, a.At });
        builder.HasIndex(a => new { a.SubjectType, a.At });
        builder.HasIndex(a => new { a.SubjectType, a.SubjectId, a.At });
    }
}
