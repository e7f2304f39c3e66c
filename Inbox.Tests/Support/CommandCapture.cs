using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Inbox.Tests.Support;

/// <summary>Keeps the last query EF ran, with its parameter values, so a test can ask SQLite for its plan.</summary>
public sealed class CommandCapture : DbCommandInterceptor
{
    public sealed record Captured(string Sql, (string Name, object? Value)[] Parameters);

    public Captured? Last { get; private set; }

    /// <summary>Every query since the last <see cref="Clear"/>, in order.</summary>
    public List<Captured> All { get; } = [];

    public void Clear() => All.Clear();

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Last = new Captured(command.CommandText, command.Parameters.Cast<DbParameter>().Select(p => (p.ParameterName, (object?)p.Value)).ToArray());
        All.Add(Last);
        return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
    }
}
