using Inbox.Core.Staff;
using Inbox.Infrastructure.Identity;
using Inbox.Web.Auth;
using Inbox.Web.Realtime;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Inbox.Web.Components.Pages.Admin.Staff;

/// <summary>
/// The admin's staff list. The page only asks and shows: every change goes through
/// <see cref="StaffDirectory"/> (rules, audit, ending sessions), each call in its own DI scope.
/// </summary>
public partial class StaffPage : ComponentBase
{
    private static readonly Dictionary<string, object> TableAttributes = new() { ["aria-label"] = "Staff" };
    private static readonly Dictionary<string, object> SearchAttributes = new() { ["aria-label"] = "Find by name or email", ["data-testid"] = "staff-search" };
    private static readonly DialogOptions FormDialog = new() { MaxWidth = MaxWidth.Small, FullWidth = true, CloseOnEscapeKey = true };
    // Closing by accident would lose a password shown only once.
    private static readonly DialogOptions PasswordDialog = new() { MaxWidth = MaxWidth.Small, FullWidth = true, BackdropClick = false, CloseOnEscapeKey = false };

    [Inject] private ScopedServices Services { get; set; } = null!;
    [Inject] private IDialogService Dialogs { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = null!;

    private IReadOnlyList<StaffMemberSummary>? _staff;
    private ActingStaff? _me;
    private string? _search;

    private string Counts
    {
        get
        {
            var people = _staff!.Count(p => p.State != StaffAccountState.Disabled);
            var admins = _staff!.Count(p => p.Role == StaffRole.Admin && p.State != StaffAccountState.Disabled);
            return $"{people} active {(people == 1 ? "person" : "people")} · {admins} {(admins == 1 ? "admin" : "admins")}";
        }
    }

    protected override async Task OnInitializedAsync()
    {
        _me = StaffClaims.ActingOf((await AuthState).User);
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        await Run(async d => _staff = await d.ListAsync());
        // Also called from flows started outside an event handler (see Start), which re-render nothing by themselves.
        StateHasChanged();
    }

    private bool Matches(StaffMemberSummary person) =>
        string.IsNullOrWhiteSpace(_search)
        || person.DisplayName.Contains(_search.Trim(), StringComparison.CurrentCultureIgnoreCase)
        || person.Email.Contains(_search.Trim(), StringComparison.OrdinalIgnoreCase);

    private static string Initials(string name) => global::Inbox.Web.Components.Pages.Inbox.Display.Initials(name);

    private async Task AddAsync()
    {
        var parameters = new DialogParameters<AddStaffDialog>
        {
            { d => d.Save, draft => Change(d => d.CreateAsync(_me!, draft)) },
        };
        var result = await (await Dialogs.ShowAsync<AddStaffDialog>("Add a person", parameters, FormDialog)).Result;
        if (result is not { Canceled: false, Data: StaffChangeResult { TemporaryPassword: { } password } }) return;
        var draft = await LoadAndFindAsync(((StaffChangeResult)result.Data).UserId);
        await ShowPasswordAsync($"{draft?.DisplayName ?? "The new person"} is added", draft, password);
    }

    private async Task ChangeRoleAsync(StaffMemberSummary person)
    {
        var parameters = new DialogParameters<ChangeRoleDialog>
        {
            { d => d.Person, person },
            { d => d.Save, role => Change(d => d.ChangeRoleAsync(_me!, person.Id, role)) },
        };
        var result = await (await Dialogs.ShowAsync<ChangeRoleDialog>($"Role of {person.DisplayName}", parameters, FormDialog)).Result;
        if (result is { Canceled: false, Data: StaffRole role })
        {
            Snackbar.Add($"{person.DisplayName} is now {Article(role)} {role}.", Severity.Success);
            await LoadAsync();
        }
    }

    private async Task ResetPasswordAsync(StaffMemberSummary person)
    {
        if (!await ConfirmAsync($"Reset the password of {person.DisplayName}?",
                $"{person.DisplayName} is signed out everywhere and gets a temporary password from you. Their current password stops working.",
                "Reset password")) return;
        var result = await Change(d => d.ResetPasswordAsync(_me!, person.Id));
        if (!Report(result, null)) return;
        await LoadAsync();
        await ShowPasswordAsync($"New temporary password for {person.DisplayName}", person, result.TemporaryPassword!);
    }

    private async Task LockAsync(StaffMemberSummary person)
    {
        if (!await ConfirmAsync($"Lock {person.DisplayName}'s account?",
                $"{person.DisplayName} is signed out everywhere and cannot sign in until an admin unlocks the account.", "Lock")) return;
        await ApplyAsync(d => d.LockAsync(_me!, person.Id), $"{person.DisplayName}'s account is locked.");
    }

    private Task UnlockAsync(StaffMemberSummary person) =>
        ApplyAsync(d => d.UnlockAsync(_me!, person.Id), $"{person.DisplayName} can sign in again.");

    private async Task DisableAsync(StaffMemberSummary person)
    {
        if (!await ConfirmAsync($"Disable {person.DisplayName}?",
                $"{person.DisplayName} is signed out everywhere and can no longer sign in. Their name stays on their past replies and in the audit log. You can enable the account again later.",
                "Disable")) return;
        await ApplyAsync(d => d.DisableAsync(_me!, person.Id), $"{person.DisplayName} is disabled and signed out.");
    }

    private Task EnableAsync(StaffMemberSummary person) =>
        ApplyAsync(d => d.EnableAsync(_me!, person.Id), $"{person.DisplayName} can sign in again.");

    private async Task TurnOffTwoFactorAsync(StaffMemberSummary person)
    {
        if (!await ConfirmAsync($"Turn off two-factor for {person.DisplayName}?",
                $"Do this when {person.DisplayName} has lost their phone. They sign in with their password alone and can set up two-factor again"
                + (person.Role == StaffRole.Admin ? " (as an admin, they will have to)." : "."),
                "Turn off")) return;
        await ApplyAsync(d => d.TurnOffTwoFactorAsync(_me!, person.Id), $"Two-factor sign-in is off for {person.DisplayName}.");
    }

    private async Task ApplyAsync(Func<StaffDirectory, Task<StaffChangeResult>> change, string done)
    {
        if (Report(await Change(change), done)) await LoadAsync();
    }

    private bool Report(StaffChangeResult result, string? done)
    {
        if (result.Succeeded)
        {
            if (done is not null) Snackbar.Add(done, Severity.Success);
            return true;
        }
        Snackbar.Add(string.Join(" ", result.Errors), Severity.Error);
        return false;
    }

    private async Task<bool> ConfirmAsync(string title, string message, string yes) =>
        await Dialogs.ShowMessageBoxAsync(title, message, yesText: yes, cancelText: "Cancel") == true;

    private async Task ShowPasswordAsync(string heading, StaffMemberSummary? person, string password)
    {
        var parameters = new DialogParameters<TemporaryPasswordDialog>
        {
            { d => d.Heading, heading },
            { d => d.Name, person?.DisplayName ?? "them" },
            { d => d.Email, person?.Email ?? "" },
            { d => d.Password, password },
        };
        await (await Dialogs.ShowAsync<TemporaryPasswordDialog>(heading, parameters, PasswordDialog)).Result;
    }

    private async Task<StaffMemberSummary?> LoadAndFindAsync(string? userId)
    {
        await LoadAsync();
        return _staff?.FirstOrDefault(p => p.Id == userId);
    }

    /// <summary>
    /// Runs a dialog flow after the menu item's click returns: the menu closes first instead of staying
    /// open behind the dialog. Failures still reach the circuit's error handling.
    /// </summary>
    private void Start(Func<Task> flow) => _ = InvokeAsync(async () =>
    {
        try { await flow(); }
        catch (Exception e) { await DispatchExceptionAsync(e); }
    });

    private static string Article(StaffRole role) => role is StaffRole.Agent or StaffRole.Admin ? "an" : "a";

    private Task<StaffChangeResult> Change(Func<StaffDirectory, Task<StaffChangeResult>> change) =>
        Services.RunAsync<StaffDirectory, StaffChangeResult>(change);

    private Task Run(Func<StaffDirectory, Task> work) =>
        Services.RunAsync<StaffDirectory, bool>(async d => { await work(d); return true; });
}
