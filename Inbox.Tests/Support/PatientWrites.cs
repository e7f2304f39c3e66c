using Inbox.Core.Channels;
using Inbox.Core.Conversations;
using Inbox.Infrastructure.Channels.Accounts;
using Inbox.Infrastructure.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Inbox.Tests.Support;

/// <summary>
/// Patients writing in, through the same applier the inbound processor uses (contacts, identities and threads are made
/// as in production), for tests that need many patients without posting signed webhooks for each.
/// </summary>
public static class PatientWrites
{
    /// <summary>The account ids of the test factory's channels: each feeds the default inbox.</summary>
    public static string AccountOf(ChannelKind channel) => channel switch
    {
        ChannelKind.WhatsApp => InboxWebApplicationFactory.WhatsAppPhoneNumberId,
        ChannelKind.Messenger => InboxWebApplicationFactory.MessengerPageId,
        _ => "default",
    };

    public static InboundMessage Text(ChannelKind channel, string externalId, string name, string text, DateTimeOffset at, string? phone = null) =>
        new(channel, AccountOf(channel), at, new InboundSender(externalId, name, phone), $"{channel}-{Guid.NewGuid():N}", MessageType.Text, text);

    public static async Task WriteAsync(this InboxWebApplicationFactory app, params InboundEvent[] events)
    {
        _ = app.Server;
        await using var db = app.CreateDbContext();
        await using var tx = await db.Database.BeginTransactionAsync();
        var applier = new InboundEventApplier(db, app.Services.GetRequiredService<ChannelAccountDirectory>(), TimeProvider.System);
        await applier.ApplyAsync(events, default);
        await applier.Writes.SaveAsync(db, default);
        await tx.CommitAsync();
    }

    /// <summary>The contact an identity belongs to now.</summary>
    public static async Task<Guid> ContactOfAsync(this InboxWebApplicationFactory app, ChannelKind channel, string externalId)
    {
        await using var db = app.CreateDbContext();
        return await db.ChannelIdentities.Where(i => i.Channel == channel && i.ExternalId == externalId).Select(i => i.ContactId).SingleAsync();
    }
}
