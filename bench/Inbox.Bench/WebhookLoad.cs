using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;

namespace Inbox.Bench;

/// <summary>
/// Posts signed webhooks at a target rate (or flat out) with a fixed number of connections, then waits
/// until the app has processed every acknowledged message into the Messages table.
/// </summary>
internal static class WebhookLoad
{
    public static async Task<int> RunAsync(Options o)
    {
        var url = new Uri(o.Text("url", "http://127.0.0.1:5201"));
        // Load only ever goes to this machine.
        if (!IPAddress.TryParse(url.Host, out var ip) || !IPAddress.IsLoopback(ip)) { Console.Error.WriteLine("--url must be http://127.0.0.1:<port>"); return 2; }
        var concurrency = o.Int("concurrency", 64);
        var rate = o.Double("rate", 0);
        var duration = o.Double("duration", 0);
        // With --duration the run stops at whichever comes first: the time or the precomputed count.
        var count = o.Int("count", duration > 0 && rate > 0 ? (int)(rate * duration) : 50_000);
        var db = o.Text("db");
        // Warm-up requests (not measured) let the JIT tier up and the connection pools fill, so the figures are steady state.
        var warmup = o.Int("warmup", 3000);

        Console.WriteLine($"preparing {count:N0} signed bodies ({o.Int("patients", 2000):N0} patients)...");
        var bodies = Payloads.Build(count + warmup, o.Int("patients", 2000), o.Text("phone-number-id", "109283746501928"), o.Text("app-secret", "fake-app-secret-for-tests-only"));

        using var http = new HttpClient(new SocketsHttpHandler
        {
            MaxConnectionsPerServer = concurrency,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseProxy = false,
        }) { BaseAddress = url, Timeout = TimeSpan.FromSeconds(60) };

        var watcher = db is null ? null : new ProcessedWatcher(db);
        if (warmup > 0)
        {
            Console.WriteLine($"warming up with {warmup:N0} requests...");
            var start = watcher?.Snapshot() ?? 0;
            var w = -1;
            await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
            {
                for (var i = Interlocked.Increment(ref w); i < warmup; i = Interlocked.Increment(ref w)) await PostAsync(http, bodies[count + i]);
            })));
            if (watcher is not null) await watcher.WaitForAsync(start, warmup, Stopwatch.StartNew(), TimeSpan.FromSeconds(120));
        }
        var before = watcher?.Snapshot();

        var latencies = new long[count];
        var statuses = new int[count];
        var next = -1;
        var clock = Stopwatch.StartNew();
        var stopAt = duration > 0 ? TimeSpan.FromSeconds(duration) : TimeSpan.MaxValue;

        async Task Worker()
        {
            while (true)
            {
                var i = Interlocked.Increment(ref next);
                if (i >= count || clock.Elapsed >= stopAt) return;
                if (rate > 0)
                {
                    var due = TimeSpan.FromSeconds(i / rate);
                    var wait = due - clock.Elapsed;
                    if (wait > TimeSpan.FromMilliseconds(1)) await Task.Delay(wait);
                }
                var started = clock.ElapsedTicks;
                statuses[i] = await PostAsync(http, bodies[i]);
                latencies[i] = clock.ElapsedTicks - started;
            }
        }

        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(Worker)));
        var postSeconds = clock.Elapsed.TotalSeconds;
        Report(latencies, statuses, postSeconds, rate, concurrency);

        if (watcher is null || before is null) return 0;
        var acknowledged = statuses.Count(s => s == 200);
        var (done, seconds) = await watcher.WaitForAsync(before.Value, acknowledged, clock, TimeSpan.FromSeconds(o.Double("process-timeout", 300)));
        Console.WriteLine($"processed     {done:N0} of {acknowledged:N0} messages in {seconds:F2} s from the first post => {done / seconds:N0} messages/s{(done < acknowledged ? "  (TIMED OUT)" : "")}");
        return done < acknowledged ? 1 : 0;
    }

    private static async Task<int> PostAsync(HttpClient http, Payloads.Signed signed)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/whatsapp") { Content = new ByteArrayContent(signed.Body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation("X-Hub-Signature-256", signed.Signature);
        try
        {
            using var response = await http.SendAsync(request);
            return (int)response.StatusCode;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return -1;
        }
    }

    private static void Report(long[] latencies, int[] statuses, double seconds, double rate, int concurrency)
    {
        var sent = statuses.Count(s => s != 0);
        var ok = statuses.Count(s => s == 200);
        var ms = latencies.Where((_, i) => statuses[i] != 0).Select(t => t * 1000.0 / Stopwatch.Frequency).Order().ToArray();
        double P(double q) => ms.Length == 0 ? 0 : ms[Math.Min(ms.Length - 1, (int)Math.Ceiling(q * ms.Length) - 1)];
        Console.WriteLine($"target        {(rate > 0 ? $"{rate:N0}/s" : "as fast as possible")}, {concurrency} connections");
        Console.WriteLine($"acknowledged  {ok:N0} of {sent:N0} in {seconds:F2} s => {ok / seconds:N0}/s   non-200: {sent - ok:N0}");
        Console.WriteLine($"generator cpu {Environment.CpuUsage.TotalTime.TotalSeconds:F1} s (its own share of the machine)");
        Console.WriteLine($"latency ms    p50 {P(0.50):F1}  p90 {P(0.90):F1}  p99 {P(0.99):F1}  max {(ms.Length == 0 ? 0 : ms[^1]):F1}");
    }
}
