using Inbox.Core.Channels;
using Inbox.Core.Common;
using Inbox.Core.Conversations;
using Inbox.Core.Teams;
using Inbox.Core.Templates;
using Inbox.Infrastructure.Persistence;
using Inbox.Infrastructure.Persistence.Queries;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Infrastructure.Messaging;

internal sealed class TemplateCatalogue(InboxDbContext db, TimeProvider clock) : ITemplateCatalogue
{
    public async Task<IReadOnlyList<TemplateView>> ForConversationAsync(InboxScope scope, Guid conversationId, CancellationToken ct)
    {
        if (!await db.VisibleConversations(scope).AnyAsync(c => c.Id == conversationId, ct)) return [];
        if (await db.LastInboundAsync(conversationId, ChannelKind.WhatsApp, ct) is not { AccountId: var account }) return [];
        return await Views(db.MessageTemplates.Where(t => t.IsActive && (t.AccountId == null || t.AccountId == account))).ToListAsync(ct);
    }

    public async Task<IReadOnlyList<TemplateView>> AllAsync(CancellationToken ct) => await Views(db.MessageTemplates).ToListAsync(ct);

    public async Task<Guid> AddAsync(string? accountId, string name, string language, string body, CancellationToken ct)
    {
        var template = new MessageTemplate(accountId, name?.Trim() ?? "", language?.Trim() ?? "", body, clock.GetUtcNow());
        if (await db.MessageTemplates.AnyAsync(t => t.Name == template.Name && t.Language == template.Language && t.AccountId == template.AccountId, ct))
            throw new InboxDomainException($"{template.Name} ({template.Language}) is in the catalogue already.");
        db.MessageTemplates.Add(template);
        await db.SaveChangesAsync(ct);
        return template.Id;
    }

    public async Task SetActiveAsync(Guid id, bool active, CancellationToken ct)
    {
        var template = await db.MessageTemplates.SingleAsync(t => t.Id == id, ct);
        if (active) template.Activate(); else template.Deactivate();
        await db.SaveChangesAsync(ct);
    }

    private static IQueryable<TemplateView> Views(IQueryable<MessageTemplate> templates) =>
        templates.AsNoTracking().OrderBy(t => t.Name).ThenBy(t => t.Language)
            .Select(t => new TemplateView(t.Id, t.Name, t.Language, t.Body, t.ParameterCount, t.AccountId, t.IsActive));
}
