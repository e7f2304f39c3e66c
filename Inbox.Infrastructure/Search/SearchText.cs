using System.Text;
using System.Text.RegularExpressions;
using Inbox.Core.Search;

namespace Inbox.Infrastructure.Search;

/// <summary>Turns what a person typed into a full-text query (never FTS syntax from the user), and marks matches.</summary>
internal static partial class SearchText
{
    /// <summary>The words typed, at most eight; each is a prefix ("appoi" finds "appointment").</summary>
    public static IReadOnlyList<string> Words(string query) => Word().Matches(query).Select(m => m.Value).Take(8).ToList();

    /// <summary>FTS5: every word must appear, each quoted so nothing the user types is an operator.</summary>
    public static string Fts5(IReadOnlyList<string> words) =>
        string.Join(" ", words.Select(w => $"\"{w}\"*"));

    /// <summary>SQL Server CONTAINS: every word as a prefix term.</summary>
    public static string Contains(IReadOnlyList<string> words) =>
        string.Join(" AND ", words.Select(w => $"\"{w}*\""));

    /// <summary>A window of <paramref name="text"/> around the first match with every word start marked (SQL Server has no snippet()).</summary>
    public static string Snippet(string text, IReadOnlyList<string> words, int around = 60)
    {
        var first = words.Select(w => text.IndexOf(w, StringComparison.OrdinalIgnoreCase)).Where(i => i >= 0).DefaultIfEmpty(0).Min();
        var start = Math.Max(0, first - around);
        var end = Math.Min(text.Length, first + around * 2);
        var window = text[start..end];
        var marked = new StringBuilder();
        if (start > 0) marked.Append('…');
        marked.Append(Regex.Replace(window, string.Join("|", words.Select(w => $@"\b{Regex.Escape(w)}\w*")), m => $"{SearchMarks.Start}{m.Value}{SearchMarks.End}", RegexOptions.IgnoreCase));
        if (end < text.Length) marked.Append('…');
        return marked.ToString();
    }

    [GeneratedRegex(@"[\p{L}\p{N}]+")]
    private static partial Regex Word();
}
