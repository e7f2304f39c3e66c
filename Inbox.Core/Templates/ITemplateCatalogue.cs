using Inbox.Core.Teams;

namespace Inbox.Core.Templates;

/// <summary>An approved template as the composer offers it.</summary>
public sealed record TemplateView(Guid Id, string Name, string Language, string Body, int ParameterCount, string? AccountId, bool IsActive);

/// <summary>The clinic's approved WhatsApp templates: the admin's catalogue and the composer's picker.</summary>
public interface ITemplateCatalogue
{
    /// <summary>Active templates usable for this conversation's WhatsApp number; empty when the patient has no WhatsApp identity in it.</summary>
    Task<IReadOnlyList<TemplateView>> ForConversationAsync(InboxScope scope, Guid conversationId, CancellationToken ct);

    Task<IReadOnlyList<TemplateView>> AllAsync(CancellationToken ct);

    Task<Guid> AddAsync(string? accountId, string name, string language, string body, CancellationToken ct);

    Task SetActiveAsync(Guid id, bool active, CancellationToken ct);
}
