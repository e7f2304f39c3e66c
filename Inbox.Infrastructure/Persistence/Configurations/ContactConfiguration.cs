using Inbox.Core.Contacts;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inbox.Infrastructure.Persistence.Configurations;

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(200).IsRequired();
        builder.Property(c => c.Phone).HasMaxLength(16);
        builder.Property(c => c.Email).HasMaxLength(254);
        builder.HasMany(c => c.Identities).WithOne().HasForeignKey(i => i.ContactId).OnDelete(DeleteBehavior.Cascade);
        builder.Navigation(c => c.Identities).HasField("_identities");
        builder.Ignore(c => c.DomainEvents);

        builder.HasIndex(c => c.Phone);
        builder.HasIndex(c => c.Name);
        builder.Property(c => c.NameKey).HasMaxLength(NameKeys.MaxLength);
        builder.Property(c => c.NameSoundKey).HasMaxLength(NameKeys.MaxLength);
        // Duplicate suggestions: one seek per key (same phone, same email, same name, similar name).
        builder.HasIndex(c => c.Email);
        // Name keys with the date of birth: "same name and date of birth" is one seek, and the review queue groups on them.
        builder.HasIndex(c => new { c.NameKey, c.DateOfBirth });
        builder.HasIndex(c => new { c.NameSoundKey, c.DateOfBirth });
        // Merges: a stale review or a concurrent merge finds the row changed and fails instead of overwriting.
        builder.Property(c => c.Version).IsConcurrencyToken();
        // Keyset paging of the contacts list.
        builder.HasIndex(c => new { c.CreatedAt, c.Id });
    }
}
