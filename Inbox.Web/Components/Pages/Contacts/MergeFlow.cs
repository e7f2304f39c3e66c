using Inbox.Core.Audit;
using Inbox.Core.Contacts.Merging;
using Inbox.Web.Auth;
using Inbox.Web.Realtime;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Inbox.Web.Components.Pages.Contacts;

/// <summary>
/// The merge steps every screen shares (the patient panel, the thread's badge, the review queue): open the review,
/// tell the receptionist what happened with a way back, and undo a merge after a confirmation. One per circuit.
/// </summary>
public sealed class MergeFlow(
    IDialogService dialogs,
    ISnackbar snackbar,
    ScopedServices scoped,
    ICallerInboxScope caller,
    IAuditTrail audit,
    TimeProvider clock,
    AuthenticationStateProvider authentication,
    IAuthorizationService authorization)
{
    private static readonly DialogOptions ReviewDialog = new() { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseOnEscapeKey = true };

    /// <summary>Opens the side-by-side review. Null when the receptionist cancelled.</summary>
    public async Task<MergeReviewOutcome?> ReviewAsync(Guid keepId, Guid otherId, IReadOnlyList<string>? reasons = null)
    {
        if (!await MayMergeAsync()) return null;
        var parameters = new DialogParameters<MergeReviewDialog>
        {
            { d => d.LeftId, keepId },
            { d => d.RightId, otherId },
            { d => d.Reasons, reasons },
        };
        var result = await (await dialogs.ShowAsync<MergeReviewDialog>("Review possible duplicate", parameters, ReviewDialog)).Result;
        if (result is not { Canceled: false, Data: MergeReviewOutcome outcome }) return null;
        if (outcome.Merge is { } merge)
            snackbar.Add("Merged: one patient, one thread.", Severity.Success, config =>
            {
                config.Action = "Undo";
                config.ActionColor = Color.Inherit;
                config.OnClick = _ => UndoAsync(merge.Id, confirm: false);
            });
        else if (outcome.Dismissed)
            snackbar.Add("Marked as different people: this pair will not be suggested again.", Severity.Info);
        return outcome;
    }

    /// <summary>Whether the signed-in person's role may merge: screens show merge actions only then.</summary>
    public async Task<bool> CanMergeAsync() =>
        (await authorization.AuthorizeAsync((await authentication.GetAuthenticationStateAsync()).User, Policies.MergeContacts)).Succeeded;

    /// <summary>Screens hide merge buttons from roles without the permission; this holds even if one slips through.</summary>
    public async Task<bool> MayMergeAsync()
    {
        if (await CanMergeAsync()) return true;
        snackbar.Add("Your role cannot merge or unmerge patients. Ask a receptionist or a supervisor.", Severity.Warning);
        return false;
    }

    /// <summary>Unmerges, after asking unless the receptionist just clicked the merge's own "Undo".</summary>
    public async Task<bool> UndoAsync(Guid mergeId, bool confirm = true)
    {
        if (!await MayMergeAsync()) return false;
        if (confirm && await dialogs.ShowMessageBoxAsync("Undo this merge?",
                "Both patients get back exactly the details, identities, conversations and messages they had; messages that arrived since stay with the channel they came from.",
                yesText: "Undo merge", cancelText: "Cancel") != true)
            return false;

        var user = (await authentication.GetAuthenticationStateAsync()).User;
        var scope = await caller.GetAsync();
        var result = await scoped.RunAsync<IContactMerger, UnmergeResult>(m => m.UnmergeAsync(scope, mergeId, StaffClaims.ActorOf(user), CancellationToken.None));
        if (result.Outcome != UnmergeOutcome.Unmerged)
        {
            snackbar.Add(result.Error ?? "The merge could not be undone.", Severity.Warning);
            return false;
        }
        var merge = result.Merge!;
        foreach (var id in new[] { merge.SurvivorId, merge.MergedId })
            await audit.RecordAsync(clock, user, AuditActions.ContactUnmerge, AuditSubjects.Contact, id.ToString(), $"merge {merge.Id}");
        snackbar.Add("Merge undone: both patients are back as they were.", Severity.Success);
        return true;
    }
}
