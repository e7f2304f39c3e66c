using System.Globalization;

namespace Inbox.Bench;

/// <summary>`--name value` pairs; the first bare word is the mode (`webhooks` or `list`).</summary>
internal sealed class Options(string mode, Dictionary<string, string> values)
{
    public string Mode { get; } = mode;

    public static Options Parse(string[] args)
    {
        var mode = "webhooks";
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i].StartsWith("--", StringComparison.Ordinal))
            {
                var hasValue = i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal);
                values[args[i][2..]] = hasValue ? args[++i] : "true";
            }
            else mode = args[i];
        }
        return new Options(mode, values);
    }

    public string Text(string name, string fallback) => values.GetValueOrDefault(name, fallback);

    public string? Text(string name) => values.GetValueOrDefault(name);

    public int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;

    public double Double(string name, double fallback) => values.TryGetValue(name, out var v) ? double.Parse(v, CultureInfo.InvariantCulture) : fallback;
}
