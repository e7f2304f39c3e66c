using Inbox.Core.Conversations;
using Inbox.Core.Labels;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inbox.Infrastructure.Persistence.Configurations;

// Rows that belong to a conversation are plain tables keyed by ConversationId (no owned collections):
// a contact merge moves them with one UPDATE per table, and an unmerge moves them back.

internal sealed class ConversationEpisodeConfiguration : IEntityTypeConfiguration<ConversationEpisode>
{
    public void Configure(EntityTypeBuilder<ConversationEpisode> builder)
    {
        builder.Property(e => e.ResolvedBy).HasMaxLength(128);
        builder.HasIndex(e => new { e.ConversationId, e.ResolvedAt });
        // Reports: resolutions in a period.
        builder.HasIndex(e => e.ResolvedAt);
        builder.HasOne<Conversation>().WithMany().HasForeignKey(e => e.ConversationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ReadMarkerConfiguration : IEntityTypeConfiguration<ReadMarker>
{
    public void Configure(EntityTypeBuilder<ReadMarker> builder)
    {
        builder.HasKey(m => new { m.ConversationId, m.StaffId });
        builder.Property(m => m.StaffId).HasMaxLength(64);
        builder.HasOne<Conversation>().WithMany().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class LabelConfiguration : IEntityTypeConfiguration<Label>
{
    public void Configure(EntityTypeBuilder<Label> builder)
    {
        builder.Property(l => l.Name).HasMaxLength(Label.NameMaxLength);
        builder.Property(l => l.Color).HasMaxLength(7);
        builder.HasIndex(l => l.Name).IsUnique();
    }
}

internal sealed class ConversationLabelConfiguration : IEntityTypeConfiguration<ConversationLabel>
{
    public void Configure(EntityTypeBuilder<ConversationLabel> builder)
    {
        builder.HasKey(l => new { l.ConversationId, l.LabelId });
        builder.HasIndex(l => l.LabelId);
        builder.HasOne<Conversation>().WithMany().HasForeignKey(l => l.ConversationId).OnDelete(DeleteBehavior.Cascade);
        // Deleting a label takes it off every conversation.
        builder.HasOne<Label>().WithMany().HasForeignKey(l => l.LabelId).OnDelete(DeleteBehavior.Cascade);
    }
}
