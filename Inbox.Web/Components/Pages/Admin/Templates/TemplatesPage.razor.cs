using Inbox.Core.Audit;
using Inbox.Core.Common;
using Inbox.Core.Templates;
using Inbox.Web.Auth;
using Inbox.Web.Realtime;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Inbox.Web.Components.Pages.Admin.Templates;

/// <summary>Admins keep the catalogue of approved WhatsApp templates; every change is audited.</summary>
public partial class TemplatesPage : ComponentBase
{
    private IReadOnlyList<TemplateView>? _templates;
    private string? _name;
    private string? _language = "en_US";
    private string? _account;
    private string? _body;
    private string? _error;

    [Inject] private ScopedServices Scoped { get; set; } = null!;
    [Inject] private IAuditTrail Audit { get; set; } = null!;
    [Inject] private TimeProvider Clock { get; set; } = null!;
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = null!;

    protected override Task OnInitializedAsync() => LoadAsync();

    private async Task LoadAsync() =>
        _templates = await Scoped.RunAsync<ITemplateCatalogue, IReadOnlyList<TemplateView>>(c => c.AllAsync(CancellationToken.None));

    private async Task AddAsync()
    {
        _error = null;
        try
        {
            var id = await Scoped.RunAsync<ITemplateCatalogue, Guid>(c => c.AddAsync(_account, _name ?? "", _language ?? "", _body ?? "", CancellationToken.None));
            await Audit.RecordAsync(Clock, (await AuthState).User, "template.create", AuditSubjects.Template, id.ToString());
            (_name, _body) = (null, null);
            await LoadAsync();
        }
        catch (InboxDomainException ex)
        {
            _error = ex.Message;
        }
    }

    private async Task SetActiveAsync(TemplateView template, bool active)
    {
        await Scoped.RunAsync<ITemplateCatalogue, bool>(async c => { await c.SetActiveAsync(template.Id, active, CancellationToken.None); return true; });
        await Audit.RecordAsync(Clock, (await AuthState).User, active ? "template.activate" : "template.deactivate", AuditSubjects.Template, template.Id.ToString());
        await LoadAsync();
    }
}
