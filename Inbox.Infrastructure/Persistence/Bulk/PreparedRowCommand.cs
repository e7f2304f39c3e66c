using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Inbox.Infrastructure.Persistence.Bulk;

/// <summary>
/// One prepared INSERT (or UPDATE by key) for an entity type, reused row after row on the context's
/// connection and transaction. Columns, conversions and parameter types all come from EF's model and
/// type mappings, so a row written here is what SaveChanges would write (enums as text, SQLite timestamps
/// as sortable numbers, SQLite Guids as upper-case text) — only without change tracking and command
/// building per row, which cost more CPU than the statement itself. Meant for SQLite, where statements
/// are local and cheap; on SQL Server EF's batched SaveChanges is the better tool.
/// </summary>
public sealed class PreparedRowCommand : IAsyncDisposable
{
    private readonly DbCommand _command;
    private readonly Column[] _columns;

    private sealed record Column(IProperty Property, IClrPropertyGetter Getter, ValueConverter? Converter, DbParameter Parameter);

    private PreparedRowCommand(DbCommand command, Column[] columns) => (_command, _columns) = (command, columns);

    /// <summary>INSERT of every column (database-generated integer keys excepted).</summary>
    public static PreparedRowCommand Insert(DbContext db, Type clrType)
    {
        var (entity, table, command) = Start(db, clrType);
        var properties = entity.GetProperties().Where(p => !(p.IsPrimaryKey() && p.ValueGenerated == ValueGenerated.OnAdd && p.ClrType != typeof(Guid))).ToList();
        var columns = Columns(command, properties);
        command.CommandText = $"INSERT INTO {Quote(table.Name)} ({string.Join(", ", properties.Select(p => Quote(p.GetColumnName(table)!)))}) " +
                              $"VALUES ({string.Join(", ", columns.Select(c => c.Parameter.ParameterName))})";
        return new PreparedRowCommand(command, columns);
    }

    /// <summary>UPDATE of every non-key column, by key: the whole row as the entity now holds it.</summary>
    public static PreparedRowCommand Update(DbContext db, Type clrType)
    {
        var (entity, table, command) = Start(db, clrType);
        var key = entity.FindPrimaryKey()!.Properties;
        var properties = entity.GetProperties().Where(p => !p.IsPrimaryKey()).Concat(key).ToList();
        var columns = Columns(command, properties);
        var set = columns.Take(columns.Length - key.Count).Select(c => $"{Quote(c.Property.GetColumnName(table)!)} = {c.Parameter.ParameterName}");
        var where = columns.Skip(columns.Length - key.Count).Select(c => $"{Quote(c.Property.GetColumnName(table)!)} = {c.Parameter.ParameterName}");
        command.CommandText = $"UPDATE {Quote(table.Name)} SET {string.Join(", ", set)} WHERE {string.Join(" AND ", where)}";
        return new PreparedRowCommand(command, columns);
    }

    /// <summary>Writes one entity; <paramref name="replace"/> may substitute a property's value (demo data sets what no domain method does).</summary>
    public Task<int> ExecuteAsync(object entity, CancellationToken ct, Func<IProperty, object?, object?>? replace = null)
    {
        foreach (var c in _columns)
        {
            var value = c.Getter.GetClrValueUsingContainingEntity(entity);
            if (replace is not null) value = replace(c.Property, value);
            c.Parameter.Value = value is null ? DBNull.Value : c.Converter is { } converter ? converter.ConvertToProvider(value) ?? DBNull.Value : value;
        }
        return _command.ExecuteNonQueryAsync(ct);
    }

    public ValueTask DisposeAsync() => _command.DisposeAsync();

    private static (IEntityType, StoreObjectIdentifier, DbCommand) Start(DbContext db, Type clrType)
    {
        var entity = db.Model.FindEntityType(clrType) ?? throw new ArgumentException($"{clrType.Name} is not in the model.", nameof(clrType));
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return (entity, StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema()), command);
    }

    private static Column[] Columns(DbCommand command, List<IProperty> properties)
    {
        var columns = new Column[properties.Count];
        for (var i = 0; i < properties.Count; i++)
        {
            var p = properties[i];
            var mapping = (RelationalTypeMapping)p.GetRelationalTypeMapping();
            columns[i] = new Column(p, p.GetGetter(), mapping.Converter, mapping.CreateParameter(command, "@p" + i, null, p.IsNullable));
            command.Parameters.Add(columns[i].Parameter);
        }
        return columns;
    }

    // Double quotes delimit identifiers on SQLite and SQL Server alike.
    private static string Quote(string name) => "\"" + name + "\"";
}
