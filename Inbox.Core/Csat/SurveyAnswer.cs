using System.Globalization;
using System.Text.RegularExpressions;

namespace Inbox.Core.Csat;

/// <summary>A rating 1–5 and the comment written after it on the same message (there is no separate comment step).</summary>
public sealed partial record SurveyAnswer(int Rating, string? Comment)
{
    /// <summary>
    /// Reads a reply to the survey: a tapped choice ("csat:4"), or text that starts with the rating — "4", "4 great nurse"
    /// (comment "great nurse"), "4/5", "★★★★". Anything else is not a rating and goes the normal way (an ordinary message).
    /// </summary>
    public static SurveyAnswer? Parse(string? text, string? choiceId)
    {
        if (choiceId is not null && choiceId.StartsWith(SurveyWording.PayloadPrefix, StringComparison.Ordinal)
            && int.TryParse(choiceId.AsSpan(SurveyWording.PayloadPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var tapped) && tapped is >= 1 and <= 5)
            return new SurveyAnswer(tapped, null);
        if (string.IsNullOrWhiteSpace(text)) return null;
        // A tapped choice arrives with its title as text on some platforms ("5 · Excellent"): the same rating, no comment.
        if (SurveyWording.Choices.FirstOrDefault(c => string.Equals(c.Title, text.Trim(), StringComparison.OrdinalIgnoreCase)) is { } titled)
            return new SurveyAnswer(int.Parse(titled.Id.AsSpan(SurveyWording.PayloadPrefix.Length), CultureInfo.InvariantCulture), null);

        var match = RatingPattern().Match(text);
        if (!match.Success) return null;
        var rating = match.Groups["digit"].Success
            ? match.Groups["digit"].Value[0] - '0'
            : match.Groups["stars"].Value.Count(c => c is '★' or '⭐');
        if (rating is < 1 or > 5) return null;
        var comment = match.Groups["rest"].Value.Trim();
        return new SurveyAnswer(rating, comment.Length == 0 ? null : comment);
    }

    // The rating stands alone at the start ("4", "4/5", "4. great", "★★★★ thanks", "⭐️⭐️⭐️"); "45", "4pm", "4.5", "4/10" are not ratings.
    [GeneratedRegex(@"^\s*(?:(?<digit>[1-5])(?:\s*/\s*5)?|(?<stars>(?:[★⭐]\uFE0F?){1,5}))(?![\w★⭐/]|[.,:]\d)[\s\p{P}]*(?<rest>.*)$", RegexOptions.Singleline | RegexOptions.CultureInvariant)]
    private static partial Regex RatingPattern();
}
