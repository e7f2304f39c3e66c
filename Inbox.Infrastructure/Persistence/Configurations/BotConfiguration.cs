using Inbox.Core.Appointments;
using Inbox.Core.Bot;
using Inbox.Core.Consent;
using Inbox.Infrastructure.Bot;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inbox.Infrastructure.Persistence.Configurations;

internal sealed class BotFlowVersionConfiguration : IEntityTypeConfiguration<BotFlowVersion>
{
    public void Configure(EntityTypeBuilder<BotFlowVersion> builder)
    {
        builder.Property(v => v.Flow).HasConversion(new JsonValueConverter<BotFlow>());
        builder.Property(v => v.CreatedBy).HasMaxLength(64);
        // The latest version of an inbox's flow: one seek.
        builder.HasIndex(v => new { v.SharedInboxId, v.Version }).IsUnique();
        builder.HasOne<Inbox.Core.Teams.SharedInbox>().WithMany().HasForeignKey(v => v.SharedInboxId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class PendingBotTurnConfiguration : IEntityTypeConfiguration<PendingBotTurn>
{
    public void Configure(EntityTypeBuilder<PendingBotTurn> builder)
    {
        builder.Property(t => t.Id).ValueGeneratedNever();
        builder.HasIndex(t => t.CreatedAt);
    }
}

/// <summary>Contact-owned rows (contact merge moves them by ContactId): no navigation on Contact.</summary>
internal sealed class ConsentRecordConfiguration : IEntityTypeConfiguration<ConsentRecord>
{
    public void Configure(EntityTypeBuilder<ConsentRecord> builder)
    {
        // A contact's current answer is their newest line.
        builder.HasIndex(c => new { c.ContactId, c.At });
        builder.HasOne<Inbox.Core.Contacts.Contact>().WithMany().HasForeignKey(c => c.ContactId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AppointmentRequestConfiguration : IEntityTypeConfiguration<AppointmentRequest>
{
    public void Configure(EntityTypeBuilder<AppointmentRequest> builder)
    {
        builder.Property(a => a.Service).HasMaxLength(AppointmentRequest.TextMax);
        builder.Property(a => a.PreferredTime).HasMaxLength(AppointmentRequest.TextMax);
        builder.Property(a => a.PatientName).HasMaxLength(AppointmentRequest.TextMax);
        builder.Property(a => a.DecidedById).HasMaxLength(64);
        builder.HasIndex(a => new { a.ContactId, a.CreatedAt });
        builder.HasIndex(a => new { a.ConversationId, a.CreatedAt });
        builder.HasOne<Inbox.Core.Contacts.Contact>().WithMany().HasForeignKey(a => a.ContactId).OnDelete(DeleteBehavior.Restrict);
    }
}
