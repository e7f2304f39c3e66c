using Inbox.Core.Teams;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inbox.Infrastructure.Persistence.Configurations;

internal sealed class SharedInboxConfiguration : IEntityTypeConfiguration<SharedInbox>
{
    public void Configure(EntityTypeBuilder<SharedInbox> builder)
    {
        builder.Property(i => i.Name).HasMaxLength(SharedInbox.NameMaxLength);
        builder.HasIndex(i => i.Name).IsUnique();
        builder.Property(i => i.CsatTemplateName).HasMaxLength(512);
    }
}
