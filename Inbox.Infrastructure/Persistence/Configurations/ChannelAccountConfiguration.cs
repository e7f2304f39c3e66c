using Inbox.Core.Channels;
using Inbox.Core.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inbox.Infrastructure.Persistence.Configurations;

internal sealed class ChannelAccountConfiguration : IEntityTypeConfiguration<ChannelAccount>
{
    public void Configure(EntityTypeBuilder<ChannelAccount> builder)
    {
        builder.Property(a => a.AccountId).HasMaxLength(64);
        builder.Property(a => a.DisplayName).HasMaxLength(ChannelAccount.DisplayNameMaxLength);
        builder.Ignore(a => a.IsConnected);
        // Webhooks are routed by (channel, platform id): one row per account.
        builder.HasIndex(a => new { a.Channel, a.AccountId }).IsUnique();
        builder.HasOne<SharedInbox>().WithMany().HasForeignKey(a => a.SharedInboxId).OnDelete(DeleteBehavior.Restrict);
    }
}
