using Inbox.Core.Audit;
using Inbox.Core.Common;
using Inbox.Infrastructure.Teams;
using Inbox.Web.Auth;
using Inbox.Web.Realtime;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Inbox.Web.Components.Pages.Admin.Teams;

/// <summary>Admins shape who sees what: shared inboxes, teams, members. Every change is audited.</summary>
public partial class TeamsPage : ComponentBase
{
    private IReadOnlyList<TeamRow>? _teams;
    private IReadOnlyList<InboxRow> _inboxes = [];
    private IReadOnlyList<StaffOption> _staff = [];
    private Dictionary<Guid, IReadOnlyCollection<string>> _members = [];
    private Dictionary<Guid, IReadOnlyCollection<Guid>> _served = [];
    private Dictionary<Guid, InboxSettings> _settings = [];
    private IReadOnlyList<string> _surveyTemplates = [];
    private string? _newInbox;
    private string? _newTeam;
    private string? _error;

    [Inject] private ScopedServices Scoped { get; set; } = null!;
    [Inject] private IAuditTrail Audit { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [Inject] private global::Inbox.Infrastructure.Workflow.AutoAssignWork AutoAssign { get; set; } = null!;
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = null!;

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        _inboxes = await Scoped.RunAsync<TeamAdmin, IReadOnlyList<InboxRow>>(t => t.InboxesAsync(CancellationToken.None));
        _settings = _inboxes.ToDictionary(i => i.Id, i => new InboxSettings
        {
            AutoAssign = i.AutoAssign, Cap = i.MaxOpenPerAgent, RequireAssignment = i.RequireAssignmentToReply, Survey = i.CsatEnabled, SurveyTemplate = i.CsatTemplateName,
        });
        _surveyTemplates = await Scoped.RunAsync<TeamAdmin, IReadOnlyList<string>>(t => t.SurveyTemplatesAsync(CancellationToken.None));
        _staff = await Scoped.RunAsync<TeamAdmin, IReadOnlyList<StaffOption>>(t => t.StaffAsync(CancellationToken.None));
        _teams = await Scoped.RunAsync<TeamAdmin, IReadOnlyList<TeamRow>>(t => t.TeamsAsync(CancellationToken.None));
        _members = _teams.ToDictionary(t => t.Id, t => (IReadOnlyCollection<string>)t.MemberIds.ToHashSet());
        _served = _teams.ToDictionary(t => t.Id, t => (IReadOnlyCollection<Guid>)t.InboxIds.ToHashSet());
    }

    private Task CreateInboxAsync() => RunAsync(async () =>
    {
        var id = await Scoped.RunAsync<TeamAdmin, Guid>(t => t.CreateInboxAsync(_newInbox ?? "", CancellationToken.None));
        await RecordAsync("inbox.create", "sharedInbox", id.ToString());
        _newInbox = null;
    });

    private Task CreateTeamAsync() => RunAsync(async () =>
    {
        var id = await Scoped.RunAsync<TeamAdmin, Guid>(t => t.CreateTeamAsync(_newTeam ?? "", CancellationToken.None));
        await RecordAsync("team.create", "team", id.ToString());
        _newTeam = null;
    });

    private Task SaveTeamAsync(TeamRow team) => RunAsync(async () =>
    {
        await Scoped.RunAsync<TeamAdmin, bool>(async t => { await t.UpdateTeamAsync(team.Id, _members[team.Id], _served[team.Id], CancellationToken.None); return true; });
        await RecordAsync("team.change", "team", team.Id.ToString());
        Snackbar.Add($"{team.Name} saved. Its members see the change within half a minute.", Severity.Success);
    });

    private Task SaveInboxAsync(InboxRow inbox) => RunAsync(async () =>
    {
        var s = _settings[inbox.Id];
        await Scoped.RunAsync<TeamAdmin, bool>(async t =>
        {
            // The survey first: it checks its template before anything is saved.
            await t.ConfigureSurveyAsync(inbox.Id, s.Survey, s.SurveyTemplate, CancellationToken.None);
            await t.ConfigureAssignmentAsync(inbox.Id, s.AutoAssign, s.Cap, s.RequireAssignment, CancellationToken.None);
            return true;
        });
        await RecordAsync(global::Inbox.Core.Audit.AuditActions.InboxSettingsChange, "sharedInbox", inbox.Id.ToString());
        // Turning round-robin on may hand out waiting conversations at once.
        AutoAssign.Pulse();
        Snackbar.Add($"{inbox.Name} saved.", Severity.Success);
    });

    private sealed class InboxSettings
    {
        public bool AutoAssign { get; set; }
        public int? Cap { get; set; }
        public bool RequireAssignment { get; set; }
        public bool Survey { get; set; }
        public string? SurveyTemplate { get; set; }
    }

    private async Task RunAsync(Func<Task> change)
    {
        _error = null;
        try
        {
            await change();
            await LoadAsync();
        }
        catch (InboxDomainException ex)
        {
            _error = ex.Message;
        }
    }

    private async Task RecordAsync(string action, string subjectType, string subjectId) =>
        await Audit.RecordAsync(Clock, (await AuthState).User, action, subjectType, subjectId);
}
