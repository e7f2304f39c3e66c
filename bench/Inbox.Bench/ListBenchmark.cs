namespace Inbox.Bench;

internal static class ListBenchmark
{
    public static Task<int> RunAsync(Options o) => Task.FromResult(o.Text("db") is null ? 2 : 0);
}
