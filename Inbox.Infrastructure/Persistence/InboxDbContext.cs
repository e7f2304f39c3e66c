using Inbox.Core.Channels;
using Inbox.Core.Contacts;
using Inbox.Core.Contacts.Merging;
using Inbox.Core.Conversations;
using Inbox.Core.Teams;
using Inbox.Infrastructure.Audit;
using Inbox.Infrastructure.Auth;
using Inbox.Infrastructure.Identity;
using Inbox.Infrastructure.Webhooks;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Infrastructure.Persistence;

/// <summary>
/// The model, shared by both providers. Each provider has its own sealed subclass and its own
/// migration set (Migrations/Sqlite, Migrations/SqlServer), as EF documents for multi-provider apps.
/// </summary>
public abstract class InboxDbContext(DbContextOptions options) : IdentityDbContext<StaffUser, IdentityRole, string>(options)
{
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<ChannelIdentity> ChannelIdentities => Set<ChannelIdentity>();
    public DbSet<ContactMerge> ContactMerges => Set<ContactMerge>();
    public DbSet<ContactMergeMove> ContactMergeMoves => Set<ContactMergeMove>();
    public DbSet<DuplicateDismissal> DuplicateDismissals => Set<DuplicateDismissal>();
    public DbSet<Conversation> Conversations => Set<Conversation>();
    public DbSet<Message> Messages => Set<Message>();
    public DbSet<RawWebhookEvent> RawWebhookEvents => Set<RawWebhookEvent>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<ChannelAccount> ChannelAccounts => Set<ChannelAccount>();
    public DbSet<SharedInbox> SharedInboxes => Set<SharedInbox>();
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<ConversationEpisode> ConversationEpisodes => Set<ConversationEpisode>();
    public DbSet<ReadMarker> ReadMarkers => Set<ReadMarker>();
    public DbSet<Inbox.Core.Csat.CsatSurvey> CsatSurveys => Set<Inbox.Core.Csat.CsatSurvey>();
    public DbSet<Inbox.Core.Labels.Label> Labels => Set<Inbox.Core.Labels.Label>();
    public DbSet<Inbox.Core.Labels.ConversationLabel> ConversationLabels => Set<Inbox.Core.Labels.ConversationLabel>();
    public DbSet<Inbox.Core.Templates.MessageTemplate> MessageTemplates => Set<Inbox.Core.Templates.MessageTemplate>();
    public DbSet<Inbox.Core.Bot.BotFlowVersion> BotFlowVersions => Set<Inbox.Core.Bot.BotFlowVersion>();
    internal DbSet<Inbox.Infrastructure.Bot.PendingBotTurn> PendingBotTurns => Set<Inbox.Infrastructure.Bot.PendingBotTurn>();
    public DbSet<Inbox.Core.Consent.ConsentRecord> ConsentRecords => Set<Inbox.Core.Consent.ConsentRecord>();
    public DbSet<Inbox.Core.Appointments.AppointmentRequest> AppointmentRequests => Set<Inbox.Core.Appointments.AppointmentRequest>();
    public DbSet<Inbox.Core.Notes.Mention> Mentions => Set<Inbox.Core.Notes.Mention>();
    public DbSet<Inbox.Core.CannedReplies.CannedReply> CannedReplies => Set<Inbox.Core.CannedReplies.CannedReply>();

    public DbSet<StaffSession> StaffSessions => Set<StaffSession>();
    public DbSet<AuditRecord> AuditLog => Set<AuditRecord>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(InboxDbContext).Assembly);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<Enum>().HaveConversion<string>().HaveMaxLength(24);
    }
}
