using Inbox.Core.Channels;
using Inbox.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Inbox.Infrastructure.Webhooks;

/// <summary>
/// Table and column names of RawWebhookEvents and EF's value conversions for them, read from the model
/// of the current provider, so hand-written SQL stores exactly what EF would store.
/// </summary>
internal sealed class RawEventColumns
{
    private readonly IProperty _channel;
    private readonly IProperty _receivedAt;

    private RawEventColumns(IEntityType entity)
    {
        _channel = entity.FindProperty(nameof(RawWebhookEvent.Channel))!;
        _receivedAt = entity.FindProperty(nameof(RawWebhookEvent.ReceivedAt))!;
        Table = Quote(entity.GetTableName()!);
        Channel = Column(_channel);
        BodyHash = Column(entity.FindProperty(nameof(RawWebhookEvent.BodyHash))!);
        Body = Column(entity.FindProperty(nameof(RawWebhookEvent.Body))!);
        ReceivedAtColumn = Column(_receivedAt);
        Attempts = Column(entity.FindProperty(nameof(RawWebhookEvent.Attempts))!);
    }

    public string Table { get; }
    public string Channel { get; }
    public string BodyHash { get; }
    public string Body { get; }
    public string ReceivedAtColumn { get; }
    public string Attempts { get; }

    public object ChannelValue(ChannelKind channel) => ToProvider(_channel, channel);

    public object ReceivedAt(DateTimeOffset at) => ToProvider(_receivedAt, at);

    // One instance per provider model (the model is cached by EF, so is this).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IModel, RawEventColumns> Cache = [];

    public static RawEventColumns For(InboxDbContext db) =>
        Cache.GetValue(db.Model, m => new RawEventColumns(m.FindEntityType(typeof(RawWebhookEvent))!));

    private static object ToProvider(IProperty property, object value) =>
        property.GetTypeMapping().Converter is { } converter ? converter.ConvertToProvider(value)! : value;

    private static string Column(IProperty property) =>
        Quote(property.GetColumnName(StoreObjectIdentifier.Table(property.DeclaringType.GetTableName()!)) ?? property.Name);

    // Double quotes delimit identifiers on SQLite and on SQL Server (QUOTED_IDENTIFIER is on by default).
    private static string Quote(string name) => "\"" + name + "\"";
}
