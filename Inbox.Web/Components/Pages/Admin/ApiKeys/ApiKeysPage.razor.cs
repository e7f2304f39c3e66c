using Inbox.Core.Audit;
using Inbox.Infrastructure.Auth;
using Inbox.Web.Auth;
using Inbox.Web.Realtime;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;

namespace Inbox.Web.Components.Pages.Admin.ApiKeys;

/// <summary>The admin's list of API keys: create one (shown once), revoke one (after a confirmation). Both are audited.</summary>
public partial class ApiKeysPage : ComponentBase
{
    private IReadOnlyList<ApiKeySummary>? _keys;

    [Inject] private ScopedServices Scoped { get; set; } = null!;
    [Inject] private TimeProvider Time { get; set; } = null!;
    [Inject] private IDialogService Dialogs { get; set; } = null!;
    [Inject] private ISnackbar Snackbar { get; set; } = null!;
    [Inject] private IAuditTrail Audit { get; set; } = null!;
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = null!;

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync() =>
        _keys = await Scoped.RunAsync<ApiKeyAdministration, IReadOnlyList<ApiKeySummary>>(a => a.ListAsync(CancellationToken.None));

    private async Task CreateAsync()
    {
        var dialog = await Dialogs.ShowAsync<CreateApiKeyDialog>("New API key", new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true, BackdropClick = false });
        await dialog.Result;
        // The dialog creates the key itself (it must show the secret); the list just catches up.
        await LoadAsync();
    }

    private async Task RevokeAsync(ApiKeySummary key)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            $"Revoke \"{key.Name}\"?",
            "Every system using this key is refused from now on. This cannot be undone: to let a system back in, create a new key.",
            yesText: "Revoke key", cancelText: "Cancel");
        if (confirmed != true) return;

        var revoked = await Scoped.RunAsync<ApiKeyAdministration, ApiKeySummary?>(a => a.RevokeAsync(key.Id, CancellationToken.None));
        if (revoked is not null)
        {
            await Audit.RecordAsync(Time, (await AuthState).User, AuditActions.ApiKeyRevoke, AuditSubjects.ApiKey, key.Id.ToString());
            Snackbar.Add($"\"{key.Name}\" is revoked.", Severity.Success);
        }
        await LoadAsync();
    }
}
