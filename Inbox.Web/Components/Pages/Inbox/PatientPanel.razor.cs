using Inbox.Core.Audit;
using Inbox.Core.Contacts;
using Inbox.Core.Contacts.Merging;
using Inbox.Core.Conversations;
using Inbox.Core.Realtime;
using Inbox.Web.Auth;
using Inbox.Web.Components.Pages.Contacts;
using Inbox.Web.Realtime;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Inbox.Web.Components.Pages.Inbox;

public partial class PatientPanel : LiveComponentBase
{
    /// <summary>Suggestions below this are noise next to a patient's details; the review queue has the rest.</summary>
    public const double ShownFrom = 0.5;

    private ContactView? _contact;
    private IReadOnlyList<DuplicateSuggestion> _suggestions = [];
    private IReadOnlyList<MergeHistoryItem> _history = [];
    private IReadOnlyList<ConversationListItem>? _past;
    private const int PastLimit = 10;
    private bool _canMerge;
    private Guid _auditedDuplicatesOf;

    [Inject] private ICallerInboxScope Caller { get; set; } = null!;
    [Inject] private MergeFlow Merges { get; set; } = null!;
    [Inject] private IAuditTrail Audit { get; set; } = null!;
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = null!;

    [Parameter, EditorRequired] public Guid ContactId { get; set; }
    /// <summary>The open thread: a merge or unmerge touching it refreshes the panel.</summary>
    [Parameter] public Guid ConversationId { get; set; }

    private Guid _loadedFor;

    protected override async Task OnParametersSetAsync()
    {
        if (_loadedFor == ContactId) return;
        _loadedFor = ContactId;
        _contact = null;
        _canMerge = await Merges.CanMergeAsync();
        await LoadAsync();
    }

    // New messages can bring a new identity and change the thread list; delivery ticks and reactions change nothing here.
    protected override bool Accept(IReadOnlyList<InboxChange> changes) =>
        changes.Any(c => c.ConversationId == ConversationId && c.Kind != InboxChangeKind.MessageUpdated);

    protected override void MarkAllStale() { }

    protected override Task RefreshAsync() => LoadAsync();

    private async Task LoadAsync()
    {
        var contactId = ContactId;
        var scope = await Caller.GetAsync();
        var contact = await Scoped.RunAsync<IConversationQueries, ContactView?>(q => q.ContactAsync(scope, contactId, CancellationToken.None));
        var suggestions = await Scoped.RunAsync<IDuplicateFinder, IReadOnlyList<DuplicateSuggestion>>(f => f.FindAsync(scope, contactId, 3, CancellationToken.None));
        var history = await Scoped.RunAsync<IMergeReview, IReadOnlyList<MergeHistoryItem>>(r => r.HistoryAsync(scope, contactId, CancellationToken.None));
        var past = await Scoped.RunAsync<IConversationQueries, Page<ConversationListItem>>(q =>
            q.ListAsync(scope, new ConversationFilter(ContactId: contactId), PastLimit, null, CancellationToken.None));
        if (contactId != ContactId) return;
        (_contact, _suggestions, _history, _past) = (contact, suggestions.Where(s => s.Score >= ShownFrom).ToList(), history, past?.Items);
        // Showing other patients' names as candidates is a read of their records: audited once per patient opened.
        if (_suggestions.Count > 0 && _auditedDuplicatesOf != contactId)
        {
            _auditedDuplicatesOf = contactId;
            await Audit.RecordAsync(Time, (await AuthState).User, AuditActions.ContactDuplicatesRead, AuditSubjects.Contact, contactId.ToString());
        }
    }

    private async Task ReviewAsync(DuplicateSuggestion suggestion)
    {
        if (await Merges.ReviewAsync(ContactId, suggestion.ContactId, suggestion.Reasons) is not null) await LoadAsync();
    }

    private async Task UndoAsync(MergeHistoryItem merge)
    {
        if (await Merges.UndoAsync(merge.Id)) await LoadAsync();
    }
}
