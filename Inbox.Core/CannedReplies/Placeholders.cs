using System.Text.RegularExpressions;

namespace Inbox.Core.CannedReplies;

/// <summary>What a canned reply's placeholders stand for in one conversation.</summary>
public sealed record PlaceholderValues(string? ContactName, string? ContactPhone, string? AgentName, string? ClinicName, string? ClinicHours);

/// <summary>The text to insert, and the placeholders it could not fill (left in the text so nobody sends "{{x}}" unseen).</summary>
public sealed record FilledReply(string Text, IReadOnlyList<string> Unfilled);

/// <summary>Fills {{contact.name}}, {{contact.phone}}, {{agent.name}}, {{clinic.name}} and {{clinic.hours}}.</summary>
public static partial class Placeholders
{
    public static readonly IReadOnlyList<string> Known = ["contact.name", "contact.phone", "agent.name", "clinic.name", "clinic.hours"];

    public static FilledReply Fill(string body, PlaceholderValues values)
    {
        var unfilled = new List<string>();
        var text = Pattern().Replace(body, m =>
        {
            var name = m.Groups[1].Value.ToLowerInvariant();
            var value = name switch
            {
                "contact.name" => values.ContactName,
                "contact.phone" => values.ContactPhone,
                "agent.name" => values.AgentName,
                "clinic.name" => values.ClinicName,
                "clinic.hours" => values.ClinicHours,
                _ => null,
            };
            if (!string.IsNullOrWhiteSpace(value)) return value;
            if (!unfilled.Contains(m.Value)) unfilled.Add(m.Value);
            return m.Value;
        });
        return new FilledReply(text, unfilled);
    }

    /// <summary>Placeholders still in a draft: the composer warns before it sends them to a patient.</summary>
    public static IReadOnlyList<string> Remaining(string? draft) =>
        string.IsNullOrEmpty(draft) ? [] : Pattern().Matches(draft).Select(m => m.Value).Distinct().ToList();

    [GeneratedRegex(@"\{\{\s*([A-Za-z0-9_.]+)\s*\}\}")]
    private static partial Regex Pattern();
}
