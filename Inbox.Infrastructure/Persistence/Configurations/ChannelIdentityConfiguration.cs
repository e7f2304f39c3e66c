using Inbox.Core.Contacts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inbox.Infrastructure.Persistence.Configurations;

internal sealed class ChannelIdentityConfiguration : IEntityTypeConfiguration<ChannelIdentity>
{
    public void Configure(EntityTypeBuilder<ChannelIdentity> builder)
    {
        builder.Property(i => i.AccountId).HasMaxLength(64).IsRequired();
        builder.Property(i => i.ExternalId).HasMaxLength(160).IsRequired();
        builder.Property(i => i.DisplayName).HasMaxLength(200);
        builder.Property(i => i.Phone).HasMaxLength(20);
        builder.Property(i => i.ReplyToken).HasMaxLength(200);

        // One identity per patient per channel account: the key inbound messages are matched on.
        builder.HasIndex(i => new { i.Channel, i.AccountId, i.ExternalId }).IsUnique();
        builder.HasIndex(i => i.ContactId);
        // The profile refresher's queue: identities never looked up.
        builder.HasIndex(i => new { i.Channel, i.ProfileCheckedAt });
    }
}
