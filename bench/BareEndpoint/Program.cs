using System.Security.Cryptography;
using System.Text;
using System.Threading.Channels;
using Microsoft.Data.Sqlite;

// Yardstick for bench/README.md: HMAC check + one grouped, durable (WAL, synchronous=FULL) SQLite insert, nothing else.
var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var app = builder.Build();
var key = Encoding.UTF8.GetBytes(app.Configuration["Secret"] ?? "fake-app-secret-for-tests-only");
var queue = Channel.CreateBounded<(byte[] Body, TaskCompletionSource Done)>(20_000);

using var db = new SqliteConnection($"Data Source={app.Configuration["Db"] ?? "bare.db"}");
db.Open();
using (var setup = db.CreateCommand())
{
    setup.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL; CREATE TABLE IF NOT EXISTS Raw (Id INTEGER PRIMARY KEY, Body BLOB NOT NULL)";
    setup.ExecuteNonQuery();
}
_ = Task.Run(async () =>
{
    var batch = new List<(byte[] Body, TaskCompletionSource Done)>();
    while (await queue.Reader.WaitToReadAsync())
    {
        batch.Clear();
        while (batch.Count < 2000 && queue.Reader.TryRead(out var item)) batch.Add(item);
        using var tx = db.BeginTransaction();
        using var insert = db.CreateCommand();
        insert.CommandText = "INSERT INTO Raw (Body) VALUES (@b)";
        var p = insert.Parameters.Add("@b", SqliteType.Blob);
        foreach (var item in batch) { p.Value = item.Body; insert.ExecuteNonQuery(); }
        tx.Commit();
        foreach (var item in batch) item.Done.TrySetResult();
    }
});

app.MapPost("/webhooks/whatsapp", async (HttpRequest request) =>
{
    using var buffer = new MemoryStream();
    await request.Body.CopyToAsync(buffer);
    var body = buffer.ToArray();
    var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(key, body));
    if (request.Headers["X-Hub-Signature-256"] != expected) return Results.Unauthorized();
    var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    await queue.Writer.WriteAsync((body, done));
    await done.Task;
    return Results.Ok();
});
app.Run();
