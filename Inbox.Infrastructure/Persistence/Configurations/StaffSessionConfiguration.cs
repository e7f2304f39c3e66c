using Inbox.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inbox.Infrastructure.Persistence.Configurations;

internal sealed class StaffSessionConfiguration : IEntityTypeConfiguration<StaffSession>
{
    public void Configure(EntityTypeBuilder<StaffSession> builder)
    {
        builder.Property(s => s.UserId).HasMaxLength(64).IsRequired();
        builder.Property(s => s.IpAddress).HasMaxLength(64);
        builder.HasIndex(s => new { s.UserId, s.StartedAt });
    }
}
