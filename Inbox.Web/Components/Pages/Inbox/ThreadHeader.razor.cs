using Inbox.Core.Common;
using Inbox.Core.Conversations;
using Inbox.Web.Auth;
using Inbox.Web.Components.Shared;
using Inbox.Web.Realtime;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Inbox.Web.Components.Pages.Inbox;

/// <summary>
/// Status, priority, assignment and labels of the open conversation. Each action goes through <see cref="IConversationWorkflow"/>;
/// the page re-reads the conversation from the live change it publishes, so every open inbox shows the same thing.
/// </summary>
public partial class ThreadHeader : ComponentBase, IDisposable
{
    private IReadOnlyList<PersonChoice> _people = [];
    private IReadOnlyList<TeamChoice> _teams = [];
    private IReadOnlyList<LabelChip> _labels = [];
    private Guid? _choicesFor;
    private bool _working;

    [Parameter, EditorRequired] public ConversationListItem Conversation { get; set; } = null!;
    /// <summary>The conversation as the action left it, before the live feed brings it round.</summary>
    [Parameter] public EventCallback<ConversationListItem> Changed { get; set; }

    [Inject] private ScopedServices Scoped { get; set; } = null!;
    [Inject] private ICallerInboxScope Caller { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [Inject] private TimeProvider Time { get; set; } = null!;
    [Inject] private Keyboard.InboxCommands Commands { get; set; } = null!;
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = null!;

    private string Me { get; set; } = "";
    private bool Busy => !RendererInfo.IsInteractive || _working;
    private IReadOnlyCollection<Guid> SelectedLabels => Conversation.LabelChips.Select(l => l.Id).ToHashSet();

    private string AssignLabel => (Conversation.AssigneeName, TeamName) switch
    {
        (null, null) => "Unassigned",
        ({ } person, null) => Conversation.AssigneeId == Me ? "Assigned to me" : $"Assigned to {person}",
        (null, { } team) => $"Team: {team}",
        ({ } person, { } team) => $"{(Conversation.AssigneeId == Me ? "Me" : person)} · {team}",
    };

    private string? TeamName => Conversation.AssignedTeamId is { } id ? _teams.FirstOrDefault(t => t.Id == id)?.Name ?? "team" : null;

    private string StatusText => Conversation.Status switch
    {
        ConversationStatus.Snoozed when Conversation.SnoozedUntil is { } until => $"Snoozed until {Display.Deadline(until, Time)}",
        ConversationStatus.Snoozed => "Snoozed until the patient writes",
        _ => "",
    };

    protected override void OnInitialized() => Commands.Raised += OnCommandAsync;

    /// <summary>The keyboard's "e" (resolve) and "i" (assign to me) act on the open conversation.</summary>
    private async Task<bool> OnCommandAsync(Keyboard.InboxCommand command)
    {
        switch (command)
        {
            case Keyboard.InboxCommand.Resolve when Allows(ConversationStatus.Resolved):
                await StatusAsync(ConversationStatus.Resolved, null);
                return true;
            case Keyboard.InboxCommand.Resolve:
                Snackbar.Add($"A {Word(Conversation.Status).ToLowerInvariant()} conversation cannot be resolved.", Severity.Info);
                return true;
            case Keyboard.InboxCommand.AssignToMe:
                await AssignAsync(Me, Conversation.AssignedTeamId);
                return true;
            default:
                return false;
        }
    }

    public void Dispose() => Commands.Raised -= OnCommandAsync;

    protected override async Task OnParametersSetAsync()
    {
        if (string.IsNullOrEmpty(Me)) Me = StaffClaims.IdOf((await AuthState).User) ?? "";
        if (_choicesFor == Conversation.SharedInboxId) return;
        _choicesFor = Conversation.SharedInboxId;
        var inbox = Conversation.SharedInboxId;
        _people = await Scoped.RunAsync<IInboxChoices, IReadOnlyList<PersonChoice>?>(c => c.AssignableAsync(inbox, CancellationToken.None)!) ?? [];
        _teams = await Scoped.RunAsync<IInboxChoices, IReadOnlyList<TeamChoice>?>(c => c.TeamsAsync(inbox, CancellationToken.None)!) ?? [];
        _labels = await Scoped.RunAsync<IInboxChoices, IReadOnlyList<LabelChip>?>(c => c.LabelsAsync(CancellationToken.None)!) ?? [];
    }

    private bool Allows(ConversationStatus to) => StatusRules.IsAllowed(Conversation.Status, to);

    private static string Word(ConversationStatus status) => StatusRules.Word(status);

    private DateTimeOffset TomorrowMorning()
    {
        // 9:00 tomorrow in the clinic's time zone.
        return ClinicTime.StartOf(ClinicTime.Today(Time).AddDays(1), Time).AddHours(9);
    }

    private Task StatusAsync(ConversationStatus to, DateTimeOffset? until) =>
        RunAsync((w, scope, actor) => w.ChangeStatusAsync(scope, Conversation.Id, to, until, actor, CancellationToken.None));

    private Task PriorityAsync(Priority priority) =>
        RunAsync((w, scope, actor) => w.ChangePriorityAsync(scope, Conversation.Id, priority, actor, CancellationToken.None));

    private Task AssignAsync(string? staffId, Guid? teamId) =>
        RunAsync((w, scope, actor) => w.AssignAsync(scope, Conversation.Id, staffId, teamId, actor, CancellationToken.None));

    private Task LabelsAsync(IReadOnlyCollection<Guid> labelIds)
    {
        var ids = labelIds.ToList();
        return RunAsync((w, scope, actor) => w.SetLabelsAsync(scope, Conversation.Id, ids, actor, CancellationToken.None));
    }

    private async Task RunAsync(Func<IConversationWorkflow, Core.Teams.InboxScope, WorkflowActor, Task<ConversationListItem?>> action)
    {
        if (_working) return;
        _working = true;
        try
        {
            var user = (await AuthState).User;
            var actor = new WorkflowActor(StaffClaims.ActorOf(user), StaffClaims.IpOf(user), StaffClaims.IdOf(user));
            var scope = await Caller.GetAsync();
            var updated = await Scoped.RunAsync<IConversationWorkflow, ConversationListItem?>(w => action(w, scope, actor));
            if (updated is null) Snackbar.Add("This conversation is no longer in your inboxes.", Severity.Warning);
            else await Changed.InvokeAsync(updated);
        }
        catch (Exception e) when (e is ConversationConflictException or InboxDomainException)
        {
            // Someone else may have changed it a moment ago: say what happened; the live feed shows the current state.
            Snackbar.Add(e.Message, Severity.Warning);
        }
        finally { _working = false; }
    }
}
