using Inbox.Bench;

// Inbox.Bench webhooks --url http://127.0.0.1:5201 --db <app sqlite file> [--count N | --duration s] [--rate r] [--concurrency c]
// Inbox.Bench list --db <sqlite file> [--runs N]
// Inbox.Bench reports --db <sqlite file> [--runs N] [--plans]
var options = Options.Parse(args);
return options.Mode switch
{
    "webhooks" => await WebhookLoad.RunAsync(options),
    "list" => await ListBenchmark.RunAsync(options),
    "reports" => await ReportsBenchmark.RunAsync(options),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: Inbox.Bench webhooks --url http://127.0.0.1:5201 --db bench.db [--count 50000] [--duration 0] [--rate 0] [--concurrency 64] [--patients 2000]");
    Console.Error.WriteLine("       Inbox.Bench list --db inbox.db [--runs 21] [--depth 200]");
    Console.Error.WriteLine("       Inbox.Bench reports --db inbox.db [--runs 11] [--plans]");
    return 2;
}
