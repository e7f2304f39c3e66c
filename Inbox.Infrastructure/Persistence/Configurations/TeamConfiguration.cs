using Inbox.Core.Teams;
using Inbox.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inbox.Infrastructure.Persistence.Configurations;

internal sealed class TeamConfiguration : IEntityTypeConfiguration<Team>
{
    public void Configure(EntityTypeBuilder<Team> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(Team.NameMaxLength);
        builder.HasIndex(t => t.Name).IsUnique();

        builder.OwnsMany(t => t.Members, members =>
        {
            members.ToTable("TeamMembers");
            members.WithOwner().HasForeignKey(m => m.TeamId);
            members.HasKey(m => new { m.TeamId, m.StaffId });
            members.Property(m => m.StaffId).HasMaxLength(64);
            // "Which inboxes may this person see" starts from the person.
            members.HasIndex(m => m.StaffId);
            members.HasOne<StaffUser>().WithMany().HasForeignKey(m => m.StaffId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Navigation(t => t.Members).HasField("_members");

        builder.OwnsMany(t => t.Inboxes, inboxes =>
        {
            inboxes.ToTable("TeamInboxes");
            inboxes.WithOwner().HasForeignKey(i => i.TeamId);
            inboxes.HasKey(i => new { i.TeamId, i.SharedInboxId });
            inboxes.HasIndex(i => i.SharedInboxId);
            inboxes.HasOne<SharedInbox>().WithMany().HasForeignKey(i => i.SharedInboxId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Navigation(t => t.Inboxes).HasField("_inboxes");
    }
}
