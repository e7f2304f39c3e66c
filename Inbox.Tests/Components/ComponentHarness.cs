using System.Security.Claims;
using Bunit;
using Inbox.Core.Audit;
using Inbox.Web.Auth;
using Inbox.Core.Conversations;
using Inbox.Core.Teams;
using Inbox.Web.Realtime;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;
using MudBlazor.Services;

namespace Inbox.Tests.Components;

/// <summary>
/// One bUnit context set up like the app: MudBlazor services, loose JS interop, an interactive renderer,
/// mocked read side, sender and audit log, and the real in-process change feed (its SignalR side mocked).
/// Use with <c>await using</c>: MudBlazor's services only dispose asynchronously.
/// </summary>
public sealed class ComponentHarness : IAsyncDisposable
{
    public ComponentHarness(TimeProvider? time = null)
    {
        var proxy = new Mock<IClientProxy>();
        proxy.Setup(p => p.SendCoreAsync(It.IsAny<string>(), It.IsAny<object?[]>(), It.IsAny<CancellationToken>())).Returns(Task.CompletedTask);
        var clients = new Mock<IHubClients>();
        clients.Setup(c => c.All).Returns(proxy.Object);
        var hub = new Mock<IHubContext<InboxHub>>();
        hub.Setup(h => h.Clients).Returns(clients.Object);
        Feed = new InboxChangeFeed(hub.Object, NullLogger<InboxChangeFeed>.Instance);

        Context.JSInterop.Mode = JSRuntimeMode.Loose;
        Context.Services.AddMudServices();
        Context.Services.AddSingleton(Queries.Object);
        Context.Services.AddSingleton(Replies.Object);
        Context.Services.AddSingleton(Audit.Object);
        Context.Services.AddSingleton(AuditLog.Object);
        Context.Services.AddSingleton(Feed);
        Context.Services.AddSingleton(time ?? TimeProvider.System);
        Context.Services.AddSingleton<ScopedServices>();
        Context.Services.AddScoped<CircuitConnection>();
        Context.Services.AddSingleton(Scope.Object);
        Context.Services.AddSingleton(Templates.Object);
        Context.Services.AddSingleton(Merger.Object);
        Context.Services.AddSingleton(MergeReview.Object);
        Context.Services.AddSingleton(Dismissals.Object);
        Context.Services.AddSingleton(Duplicates.Object);
        Context.Services.AddScoped<Inbox.Web.Components.Pages.Contacts.MergeFlow>();
        // Replies are written by the signed-in person, a receptionist (who may merge patients).
        Context.Services.AddSingleton(Handovers.Object);
        Context.Services.AddSingleton(Accounts.Object);
        Context.Services.AddSingleton(Notes.Object);
        Context.Services.AddSingleton(CannedReplies.Object);
        Context.Services.AddSingleton(MentionInbox.Object);
        Context.Services.AddSingleton<Inbox.Core.Realtime.IThreadPresence>(Presence = new InMemoryThreadPresence(time ?? TimeProvider.System));
        Context.Services.AddScoped<Inbox.Web.Components.Pages.Inbox.Keyboard.InboxCommands>();
        Context.Services.AddSingleton(Microsoft.Extensions.Options.Options.Create(Clinic));
        Context.Services.AddSingleton(Workflow.Object);
        Context.Services.AddSingleton(Choices.Object);
        Context.Services.AddSingleton(Reports.Object);
        Choices.Setup(c => c.LabelsAsync(It.IsAny<CancellationToken>())).ReturnsAsync([]);
        Choices.Setup(c => c.TeamsAsync(It.IsAny<Guid?>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);
        Choices.Setup(c => c.PeopleAsync(It.IsAny<CancellationToken>())).ReturnsAsync([]);
        Choices.Setup(c => c.AssignableAsync(It.IsAny<Guid>(), It.IsAny<CancellationToken>())).ReturnsAsync([]);
        Choices.Setup(c => c.AccountsAsync(It.IsAny<CancellationToken>())).ReturnsAsync([]);
        Queries.Setup(q => q.CountsAsync(It.IsAny<InboxScope>(), It.IsAny<string>(), It.IsAny<ConversationFilter>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Dictionary<InboxView, int>());
        // Replies are written by the signed-in person, a receptionist (who may merge patients).
        var auth = Auth = Context.AddAuthorization();
        auth.SetAuthorized("Rita Reception");
        auth.SetPolicies(Policies.MergeContacts);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, SignedInUserId), new Claim(StaffClaims.DisplayName, "Rita Reception"));
        // Last: it builds the service provider.
        Context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    public const string SignedInUserId = "user-rita";

    public BunitContext Context { get; } = new();
    public Mock<IConversationQueries> Queries { get; } = new();
    public Mock<IReplySender> Replies { get; } = new();
    public Mock<Inbox.Core.Templates.ITemplateCatalogue> Templates { get; } = new();
    public Mock<Inbox.Core.Bot.IHandoverDesk> Handovers { get; } = new();
    /// <summary>Whose bot answers (<c>BotAnswers</c>): off everywhere unless a test says otherwise.</summary>
    public Mock<Inbox.Core.Channels.IChannelAccountDirectory> Accounts { get; } = new();
    /// <summary>Grant policies (e.g. TakeHandovers) for components that show actions by permission.</summary>
    public Bunit.TestDoubles.BunitAuthorizationContext Auth { get; }
    public Mock<IConversationWorkflow> Workflow { get; } = new();
    public Mock<IInboxChoices> Choices { get; } = new();
    /// <summary>The dashboard's figures (loose: a figure not set up reads as nothing).</summary>
    public Mock<Inbox.Core.Reports.IReportQueries> Reports { get; } = new();
    /// <summary>The signed-in person's inboxes: one fixed inbox; components must pass it to every read.</summary>
    public Mock<ICallerInboxScope> Scope { get; } = CreateScope();
    public static readonly InboxScope SignedInScope = InboxScope.Only([Guid.Parse("0190f0a0-0000-7000-8000-000000000001")]);

    private static Mock<ICallerInboxScope> CreateScope()
    {
        var scope = new Mock<ICallerInboxScope>();
        scope.Setup(s => s.GetAsync()).ReturnsAsync(SignedInScope);
        return scope;
    }
    public Mock<Inbox.Core.Notes.INoteWriter> Notes { get; } = new();
    public Mock<Inbox.Core.CannedReplies.ICannedReplies> CannedReplies { get; } = new();
    public Mock<Inbox.Core.Notes.IMentionInbox> MentionInbox { get; } = new();
    public InMemoryThreadPresence Presence { get; }
    public Inbox.Core.CannedReplies.ClinicOptions Clinic { get; } = new() { Name = "Harbour Clinic", Hours = "Mon–Fri 8:00–18:00" };
    public Mock<IAuditTrail> Audit { get; } = new();
    public Mock<Inbox.Core.Contacts.Merging.IContactMerger> Merger { get; } = new();
    public Mock<Inbox.Core.Contacts.Merging.IMergeReview> MergeReview { get; } = new();
    public Mock<Inbox.Core.Contacts.Merging.IDuplicateDismissals> Dismissals { get; } = new();
    public Mock<Inbox.Core.Contacts.IDuplicateFinder> Duplicates { get; } = new();
    public Mock<IAuditLog> AuditLog { get; } = new();
    public InboxChangeFeed Feed { get; }

    public ValueTask DisposeAsync() => Context.DisposeAsync();
}
