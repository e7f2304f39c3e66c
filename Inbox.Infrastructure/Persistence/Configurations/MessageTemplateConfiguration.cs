using Inbox.Core.Templates;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Inbox.Infrastructure.Persistence.Configurations;

internal sealed class MessageTemplateConfiguration : IEntityTypeConfiguration<MessageTemplate>
{
    public void Configure(EntityTypeBuilder<MessageTemplate> builder)
    {
        builder.Property(t => t.AccountId).HasMaxLength(64);
        builder.Property(t => t.Name).HasMaxLength(512);
        builder.Property(t => t.Language).HasMaxLength(8);
        builder.Property(t => t.Body).HasMaxLength(MessageTemplate.BodyMaxLength);
        // The composer's picker and the API look templates up by name and language.
        builder.HasIndex(t => new { t.Name, t.Language, t.AccountId }).IsUnique();
    }
}
