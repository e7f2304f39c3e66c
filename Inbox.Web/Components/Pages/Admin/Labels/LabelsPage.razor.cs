using Inbox.Core.Common;
using Inbox.Core.Conversations;
using Inbox.Infrastructure.Labels;
using Inbox.Web.Auth;
using Inbox.Web.Realtime;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Inbox.Web.Components.Pages.Admin.Labels;

/// <summary>Admins keep the label catalogue; <see cref="LabelAdmin"/> audits each change.</summary>
public partial class LabelsPage : ComponentBase
{
    private IReadOnlyList<LabelChip>? _labels;
    private string? _name;
    private string? _color = "#1e88e5";
    private Guid? _editing;
    private string? _editName;
    private string? _editColor;
    private string? _error;

    [Inject] private ScopedServices Scoped { get; set; } = null!;
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = null!;

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync() => _labels = await Scoped.RunAsync<LabelAdmin, IReadOnlyList<LabelChip>>(a => a.AllAsync(CancellationToken.None));

    private void Edit(LabelChip label) => (_editing, _editName, _editColor, _error) = (label.Id, label.Name, label.Color, null);

    private Task AddAsync() => RunAsync(async (admin, user) =>
    {
        await admin.CreateAsync(_name ?? "", _color ?? "", StaffClaims.ActorOf(user), StaffClaims.IpOf(user), CancellationToken.None);
        _name = null;
    });

    private Task SaveAsync() => RunAsync(async (admin, user) =>
    {
        await admin.ChangeAsync(_editing!.Value, _editName ?? "", _editColor ?? "", StaffClaims.ActorOf(user), StaffClaims.IpOf(user), CancellationToken.None);
        _editing = null;
    });

    private Task DeleteAsync(LabelChip label) => RunAsync((admin, user) =>
        admin.DeleteAsync(label.Id, StaffClaims.ActorOf(user), StaffClaims.IpOf(user), CancellationToken.None));

    private async Task RunAsync(Func<LabelAdmin, System.Security.Claims.ClaimsPrincipal, Task> change)
    {
        _error = null;
        var user = (await AuthState).User;
        try
        {
            await Scoped.RunAsync<LabelAdmin, bool>(async a => { await change(a, user); return true; });
            await LoadAsync();
        }
        catch (InboxDomainException ex) { _error = ex.Message; }
    }
}
