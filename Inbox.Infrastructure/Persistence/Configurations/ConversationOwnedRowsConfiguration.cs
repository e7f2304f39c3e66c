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
        builder.Property(e => e.FirstResponderId).HasMaxLength(128);
        builder.HasIndex(e => new { e.ConversationId, e.ResolvedAt });
        // Reports (docs/metrics.md): resolutions in a period, whole or per inbox, person, team or channel;
        // first responses and handover pick-ups by when they happened.
        // The period's resolutions, first replies and pick-ups are each read from one covering index (every column a
        // report filters, groups or ranks on), so a 30-day dashboard reads index entries in order instead of
        // looking up tens of thousands of rows (bench/README.md, "Reports dashboard").
        builder.HasIndex(e => new { e.ResolvedAt, e.ResolutionSeconds, e.ResolvedBy, e.Channel, e.TeamId, e.SharedInboxId, e.WithBot, e.HumanReplies, e.HandedOverAt, e.ConversationId });
        builder.HasIndex(e => new { e.SharedInboxId, e.ResolvedAt });
        builder.HasIndex(e => new { e.ResolvedBy, e.ResolvedAt });
        builder.HasIndex(e => new { e.TeamId, e.ResolvedAt });
        builder.HasIndex(e => new { e.Channel, e.ResolvedAt });
        builder.HasIndex(e => new { e.FirstReplyAt, e.FirstResponseSeconds, e.FirstResponderId, e.Channel, e.TeamId, e.SharedInboxId, e.ConversationId })
            .HasFilter("FirstReplyAt IS NOT NULL");
        builder.HasIndex(e => new { e.FirstResponderId, e.FirstReplyAt });
        builder.HasIndex(e => new { e.PickedUpAt, e.HandoverWaitSeconds, e.ResolvedBy, e.Channel, e.TeamId, e.SharedInboxId, e.ConversationId })
            .HasFilter("PickedUpAt IS NOT NULL");
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

internal sealed class CsatSurveyConfiguration : IEntityTypeConfiguration<Inbox.Core.Csat.CsatSurvey>
{
    public void Configure(EntityTypeBuilder<Inbox.Core.Csat.CsatSurvey> builder)
    {
        builder.Property(s => s.AgentId).HasMaxLength(128);
        builder.Property(s => s.Comment).HasMaxLength(Inbox.Core.Csat.CsatSurvey.CommentMaxLength);
        // The inbound path: the conversation's latest survey. One per episode.
        builder.HasIndex(s => new { s.ConversationId, s.CreatedAt });
        builder.HasIndex(s => s.EpisodeId).IsUnique();
        // Reports: surveys of a period, whole or per person; answers (the comment feed) newest first.
        builder.HasIndex(s => new { s.CreatedAt, s.Outcome, s.Rating, s.AgentId, s.Channel, s.TeamId, s.SharedInboxId, s.ConversationId });
        builder.HasIndex(s => new { s.AgentId, s.CreatedAt });
        builder.HasIndex(s => s.AnsweredAt).HasFilter("AnsweredAt IS NOT NULL");
        builder.HasOne<Conversation>().WithMany().HasForeignKey(s => s.ConversationId).OnDelete(DeleteBehavior.Cascade);
    }
}
