using Inbox.Core.Audit;
using Inbox.Core.Contacts.Merging;
using Inbox.Web.Auth;
using Inbox.Web.Realtime;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Inbox.Web.Components.Pages.Contacts;

/// <summary>What the dialog closes with: the merge done, or a pair marked as different people.</summary>
public sealed record MergeReviewOutcome(ContactMerge? Merge, bool Dismissed);

public partial class MergeReviewDialog : ComponentBase
{
    private MergeCandidate? _left;
    private MergeCandidate? _right;
    private bool _missing;
    private bool _keepLeft = true;
    private bool _busy;
    private string? _error;
    private IReadOnlyList<ContactField> _conflicts = [];
    // Per field: true when the left contact's value is kept.
    private readonly Dictionary<ContactField, bool> _pickLeft = [];

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = null!;
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = null!;
    [Inject] private ScopedServices Scoped { get; set; } = null!;
    [Inject] private ICallerInboxScope Caller { get; set; } = null!;
    [Inject] private IAuditTrail Audit { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;

    /// <summary>The contact the receptionist came from: kept by default.</summary>
    [Parameter, EditorRequired] public Guid LeftId { get; set; }
    [Parameter, EditorRequired] public Guid RightId { get; set; }
    /// <summary>Why the pair was suggested, when it was.</summary>
    [Parameter] public IReadOnlyList<string>? Reasons { get; set; }

    private sealed record Side(bool IsLeft, MergeCandidate Candidate);

    private IEnumerable<Side> Sides => [new(true, _left!), new(false, _right!)];

    protected override async Task OnInitializedAsync() => await LoadAsync();

    private async Task LoadAsync()
    {
        var scope = await Caller.GetAsync();
        var (left, right) = (LeftId, RightId);
        _left = await Scoped.RunAsync<IMergeReview, MergeCandidate?>(r => r.CandidateAsync(scope, left, CancellationToken.None));
        _right = await Scoped.RunAsync<IMergeReview, MergeCandidate?>(r => r.CandidateAsync(scope, right, CancellationToken.None));
        _missing = _left is null || _right is null;
        if (_missing) return;
        // Reviewing shows both patients' details: both reads are audited.
        var user = (await AuthState).User;
        await Audit.RecordAsync(Clock, user, AuditActions.ContactRead, AuditSubjects.Contact, left.ToString());
        await Audit.RecordAsync(Clock, user, AuditActions.ContactRead, AuditSubjects.Contact, right.ToString());
        ResetChoices();
    }

    private void SetKeepLeft(bool keepLeft)
    {
        _keepLeft = keepLeft;
        ResetChoices();
    }

    /// <summary>Defaults follow the merge rule (most recently verified value) for whichever record is kept.</summary>
    private void ResetChoices()
    {
        var (survivor, merged) = _keepLeft ? (_left!, _right!) : (_right!, _left!);
        _conflicts = MergePlan.Conflicts(survivor.Details, merged.Details);
        _pickLeft.Clear();
        foreach (var field in MergePlan.Fields)
        {
            var side = MergePlan.DefaultSide(field, survivor.Details, survivor.DetailsVerifiedAt, merged.Details, merged.DetailsVerifiedAt);
            _pickLeft[field] = (side == MergeSide.Survivor) == _keepLeft;
        }
    }

    private string Outcome
    {
        get
        {
            var (kept, gone) = _keepLeft ? (_left!, _right!) : (_right!, _left!);
            var identities = kept.Identities.Count + gone.Identities.Count;
            var shared = gone.Conversations.Count(g => kept.Conversations.Any(k => k.InboxName == g.InboxName));
            return $"One patient with {identities} channel {(identities == 1 ? "identity" : "identities")}"
                + (shared > 0 ? "; threads in the same inbox become one, with every message in time order" : "")
                + ". Nothing is deleted, and the merge can be undone from the patient's panel.";
        }
    }

    private async Task MergeAsync()
    {
        _busy = true;
        _error = null;
        try
        {
            var (survivor, merged) = _keepLeft ? (_left!, _right!) : (_right!, _left!);
            var choices = MergePlan.Fields.ToDictionary(f => f, f => _pickLeft[f] == _keepLeft ? MergeSide.Survivor : MergeSide.Merged);
            var request = new MergeRequest(survivor.Id, merged.Id, choices, survivor.Version, merged.Version);
            var user = (await AuthState).User;
            var scope = await Caller.GetAsync();
            var result = await Scoped.RunAsync<IContactMerger, MergeResult>(m => m.MergeAsync(scope, request, StaffClaims.ActorOf(user), CancellationToken.None));
            if (result.Outcome != MergeOutcome.Merged)
            {
                _error = result.Error;
                // Someone changed a record: show the current state so the receptionist reviews what is really there.
                if (result.Outcome == MergeOutcome.Conflict) await LoadAsync();
                return;
            }
            var merge = result.Merge!;
            foreach (var id in new[] { merge.SurvivorId, merge.MergedId })
                await Audit.RecordAsync(Clock, user, AuditActions.ContactMerge, AuditSubjects.Contact, id.ToString(), merge.AuditDetail());
            Dialog.Close(DialogResult.Ok(new MergeReviewOutcome(merge, false)));
        }
        finally { _busy = false; }
    }

    private async Task DismissAsync()
    {
        _busy = true;
        try
        {
            var user = (await AuthState).User;
            var scope = await Caller.GetAsync();
            var (left, right, staff) = (LeftId, RightId, StaffClaims.ActorOf(user).Id);
            await Scoped.RunAsync<IDuplicateDismissals, bool>(async d => { await d.DismissAsync(scope, left, right, staff, CancellationToken.None); return true; });
            await Audit.RecordAsync(Clock, user, AuditActions.ContactNotDuplicate, AuditSubjects.Contact, left.ToString(), $"not the same person as {right}");
            Dialog.Close(DialogResult.Ok(new MergeReviewOutcome(null, true)));
        }
        finally { _busy = false; }
    }

    private static string FieldName(ContactField field) => field switch
    {
        ContactField.DateOfBirth => "Date of birth",
        _ => field.ToString(),
    };

    private static string Shown(MergeCandidate candidate, ContactField field) => field switch
    {
        ContactField.Phone when candidate.Details.Phone is { } phone && global::Inbox.Core.Contacts.PhoneNumber.TryParse(phone, out var parsed) => parsed.Value.ToInternationalFormat(),
        _ => candidate.Details.Value(field) ?? "—",
    };
}
