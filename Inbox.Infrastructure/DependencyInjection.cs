using Microsoft.Extensions.DependencyInjection.Extensions;
using FluentValidation;
using Inbox.Core.Audit;
using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Core.Reports;
using Inbox.Infrastructure.Audit;
using Inbox.Infrastructure.Auth;
using Inbox.Infrastructure.Channels;
using Inbox.Infrastructure.Channels.Accounts;
using Inbox.Infrastructure.Channels.Messenger;
using Inbox.Infrastructure.Channels.Line;
using Inbox.Infrastructure.Channels.WhatsApp;
using Inbox.Infrastructure.Contacts.Merging;
using Inbox.Infrastructure.Jobs;
using Inbox.Infrastructure.Media;
using Inbox.Infrastructure.Messaging;
using Inbox.Infrastructure.Persistence;
using Inbox.Infrastructure.Persistence.Queries;
using Inbox.Infrastructure.Teams;
using Inbox.Infrastructure.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Infrastructure;

public static class DependencyInjection
{
    /// <summary>Database, channel adapters, and the background jobs that move messages in and out.</summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        services.AddPersistence(configuration, contentRoot);
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        services.AddSingleton(TimeProvider.System);
        services.AddValidatorsFromAssemblyContaining<ReplyDraftValidator>(includeInternalTypes: true);

        // Channels: one line per platform.
        services.AddChannelAccounts();
        services.AddWhatsApp();
        services.AddMessenger();
        services.AddLine();
        services.AddSingleton<IChannelAdapters, ChannelAdapters>();

        services.AddScoped<IConversationQueries, ConversationQueries>();
        services.AddScoped<Inbox.Core.Contacts.IDuplicateFinder, DuplicateFinder>();
        services.AddScoped<InboxScopes>();
        services.AddScoped<ContactEditor>();
        services.AddContactMerging();
        services.AddScoped<TeamAdmin>();
        services.AddScoped<IReportQueries, ReportQueries>();
        services.AddScoped<IReplySender, ReplySender>();
        services.AddScoped<IConversationWorkflow, Workflow.ConversationWorkflow>();
        services.AddScoped<Csat.SurveySender>();
        services.AddScoped<Workflow.AssignableStaff>();
        services.AddScoped<Workflow.StaffAgents>();
        services.AddScoped<IInboxChoices, Workflow.InboxChoices>();
        services.AddScoped<Labels.LabelAdmin>();
        services.AddSingleton<Workflow.AutoAssignWork>();
        services.TryAddSingleton<Inbox.Core.Staff.IStaffPresence, Workflow.NobodyOnline>();
        services.AddHostedService<Workflow.AutoAssigner>();
        services.AddHostedService<Workflow.SnoozeWaker>();
        services.AddSingleton<Bot.BotIdleResolver>();
        services.AddHostedService(sp => sp.GetRequiredService<Bot.BotIdleResolver>());
        services.AddScoped<Inbox.Core.Templates.ITemplateCatalogue, TemplateCatalogue>();
        services.AddScoped<Inbox.Core.Notes.INoteWriter, Notes.NoteWriter>();
        services.AddScoped<Inbox.Core.Notes.IMentionInbox, Notes.MentionInbox>();
        services.AddScoped<Inbox.Core.CannedReplies.ICannedReplies, CannedReplies.CannedReplyCatalogue>();
        services.AddOptions<Inbox.Core.CannedReplies.ClinicOptions>().BindConfiguration(Inbox.Core.CannedReplies.ClinicOptions.Section);
        services.AddScoped<Inbox.Core.Search.IInboxSearch, Search.InboxSearch>();
        services.AddOptions<ApiOptions>().BindConfiguration(ApiOptions.Section);
        services.AddScoped<IApiKeyVerifier, ApiKeyVerifier>();
        services.AddSingleton<IAuditTrail, StoredAuditTrail>();
        services.AddScoped<AuditVerifier>();
        services.AddScoped<IAuditLog, AuditLogQueries>();
        services.AddScoped<ApiKeyAdministration>();

        services.AddSingleton<InboundWork>();
        services.AddSingleton<OutboundWork>();
        services.AddSingleton<GroupCommitRawEventStore>();
        services.AddSingleton<IRawEventStore>(sp => sp.GetRequiredService<GroupCommitRawEventStore>());
        services.AddHostedService(sp => sp.GetRequiredService<GroupCommitRawEventStore>());
        services.AddHostedService<InboundProcessor>();
        services.AddOptions<OutboundOptions>().BindConfiguration(OutboundOptions.Section);
        services.AddHostedService<OutboundDispatcher>();
        services.AddHostedService<ProfileRefresher>();
        // The bot: the rule engine behind IBotEngine, its queue of turns, the handover desk and the admin side.
        services.AddSingleton<Inbox.Core.Bot.IBotEngine, Inbox.Core.Bot.FlowBotEngine>();
        services.AddSingleton<Bot.BotWork>();
        services.AddHostedService<Bot.BotRunner>();
        services.AddScoped<Inbox.Core.Bot.IHandoverDesk, Bot.HandoverDesk>();
        services.AddScoped<Bot.BotFlowAdmin>();
        services.AddScoped<Bot.AppointmentDesk>();
        services.AddMedia(contentRoot);
        return services;
    }
}
