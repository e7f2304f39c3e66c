using System.Text.RegularExpressions;
using Inbox.Core.Audit;
using Inbox.Core.Conversations;
using Inbox.Core.Templates;
using Inbox.Web.Auth;
using Inbox.Web.Realtime;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;

namespace Inbox.Web.Components.Pages.Inbox;

public partial class TemplatePicker : ComponentBase
{
    private IReadOnlyList<TemplateView>? _templates;
    private TemplateView? _chosen;
    private string?[] _values = [];
    private bool _sending;
    private IReadOnlyList<string> _errors = [];

    [Inject] private ScopedServices Scoped { get; set; } = null!;
    [Inject] private ICallerInboxScope Caller { get; set; } = null!;
    [Inject] private IAuditTrail Audit { get; set; } = null!;
    [Inject] private TimeProvider Time { get; set; } = null!;
    [CascadingParameter] private Task<AuthenticationState> AuthState { get; set; } = null!;

    [Parameter, EditorRequired] public Guid ConversationId { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        var scope = await Caller.GetAsync();
        _templates = await Scoped.RunAsync<ITemplateCatalogue, IReadOnlyList<TemplateView>>(c => c.ForConversationAsync(scope, ConversationId, CancellationToken.None));
    }

    private void Choose(TemplateView? template)
    {
        _chosen = template;
        _values = new string?[template?.ParameterCount ?? 0];
        _errors = [];
    }

    // What the patient will read, with unfilled values left visible as {{n}}.
    private string Preview => _chosen is null ? "" : Regex.Replace(_chosen.Body, @"\{\{(\d{1,2})\}\}",
        m => _values.ElementAtOrDefault(int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) - 1) is { Length: > 0 } v ? v : m.Value);

    private async Task SendAsync()
    {
        if (_chosen is not { } template || _sending) return;
        _sending = true;
        try
        {
            var user = (await AuthState).User;
            var scope = await Caller.GetAsync();
            var values = _values.Select(v => v ?? "").ToList();
            var result = await Scoped.RunAsync<IReplySender, ReplyResult>(s =>
                s.QueueTemplateAsync(scope, ConversationId, template.Name, template.Language, values, StaffClaims.AuthorOf(user), CancellationToken.None));
            _errors = result.Outcome == ReplyOutcome.Queued ? [] : result.Errors?.SelectMany(e => e.Value).ToList() ?? ["The template could not be sent."];
            if (result.Outcome != ReplyOutcome.Queued) return;
            await Audit.RecordAsync(Time, user, AuditActions.MessageSend, AuditSubjects.Conversation, ConversationId.ToString());
            Choose(null);
        }
        finally { _sending = false; }
    }
}
