using Inbox.Infrastructure.Webhooks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inbox.Infrastructure.Persistence.Configurations;

internal sealed class RawWebhookEventConfiguration : IEntityTypeConfiguration<RawWebhookEvent>
{
    public void Configure(EntityTypeBuilder<RawWebhookEvent> builder)
    {
        builder.Property(e => e.BodyHash).HasMaxLength(64).IsUnicode(false).IsRequired();
        builder.Property(e => e.Body).IsRequired();
        builder.Property(e => e.LastError).HasMaxLength(1000);

        builder.HasIndex(e => e.BodyHash).IsUnique();
        // The processor's queue: unprocessed events in arrival order.
        builder.HasIndex(e => new { e.ProcessedAt, e.Id });
    }
}
