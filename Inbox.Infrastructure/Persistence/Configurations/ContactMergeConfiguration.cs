using Inbox.Core.Audit;
using Inbox.Core.Contacts;
using Inbox.Core.Contacts.Merging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inbox.Infrastructure.Persistence.Configurations;

internal sealed class ContactMergeConfiguration : IEntityTypeConfiguration<ContactMerge>
{
    public void Configure(EntityTypeBuilder<ContactMerge> builder)
    {
        builder.Ignore(m => m.DomainEvents);
        // Small value objects, written once (the undo columns aside): JSON text on both providers.
        builder.Property(m => m.MergedBy).HasConversion(new JsonValueConverter<AuditActor>()).HasMaxLength(400).IsRequired();
        builder.Property(m => m.UndoneBy).HasConversion(new JsonValueConverter<AuditActor?>()).HasMaxLength(400);
        builder.Property(m => m.SurvivorBefore).HasConversion(new JsonValueConverter<ContactDetails>()).HasMaxLength(1000).IsRequired();
        builder.Property(m => m.MergedBefore).HasConversion(new JsonValueConverter<ContactDetails>()).HasMaxLength(1000).IsRequired();
        builder.Property(m => m.Decisions).HasConversion(new JsonValueConverter<List<FieldDecision>>(),
            new Microsoft.EntityFrameworkCore.ChangeTracking.ValueComparer<List<FieldDecision>>(
                (a, b) => a!.SequenceEqual(b!), v => v.Aggregate(0, (h, d) => HashCode.Combine(h, d)), v => v.ToList())).IsRequired();
        builder.Property(m => m.Version).IsConcurrencyToken();

        builder.HasOne<Contact>().WithMany().HasForeignKey(m => m.SurvivorId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Contact>().WithMany().HasForeignKey(m => m.MergedId).OnDelete(DeleteBehavior.Restrict);
        // A contact's merge history, either side.
        builder.HasIndex(m => new { m.SurvivorId, m.MergedAt });
        builder.HasIndex(m => new { m.MergedId, m.MergedAt });
    }
}

internal sealed class ContactMergeMoveConfiguration : IEntityTypeConfiguration<ContactMergeMove>
{
    public void Configure(EntityTypeBuilder<ContactMergeMove> builder)
    {
        // The journal of one merge is one range of the primary key.
        builder.HasKey(m => new { m.MergeId, m.Kind, m.RowId });
        builder.Property(m => m.Kind).HasMaxLength(40);
        builder.HasOne<ContactMerge>().WithMany().HasForeignKey(m => m.MergeId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DuplicateDismissalConfiguration : IEntityTypeConfiguration<DuplicateDismissal>
{
    public void Configure(EntityTypeBuilder<DuplicateDismissal> builder)
    {
        builder.HasKey(d => new { d.FirstId, d.SecondId });
        builder.Property(d => d.DismissedBy).HasMaxLength(64);
        // Dismissals are looked up from either side of the pair.
        builder.HasIndex(d => d.SecondId);
    }
}
