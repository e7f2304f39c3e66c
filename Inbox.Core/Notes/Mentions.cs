using Inbox.Core.Conversations;

namespace Inbox.Core.Notes;

/// <summary>
/// Who a note names. A mention is "@" followed by a colleague's display name as the autocomplete inserts it
/// ("@Nurse Lee"); names may have spaces, so the longest name that matches at each "@" wins. The colleagues one can
/// name are those who serve the conversation's inbox (<see cref="IInboxChoices.AssignableAsync"/>): a note never
/// points anyone else at a patient they may not see.
/// </summary>
public static class Mentions
{
    public static IReadOnlyList<PersonChoice> In(string text, IEnumerable<PersonChoice> staff)
    {
        var byLength = staff.Where(s => s.Name.Length > 0).OrderByDescending(s => s.Name.Length).ToList();
        var found = new List<PersonChoice>();
        for (var at = text.IndexOf('@'); at >= 0; at = text.IndexOf('@', at + 1))
        {
            // An e-mail address is not a mention: "@" must start a word.
            if (at > 0 && char.IsLetterOrDigit(text[at - 1])) continue;
            var rest = text.AsSpan(at + 1);
            foreach (var member in byLength)
            {
                if (!rest.StartsWith(member.Name, StringComparison.OrdinalIgnoreCase)) continue;
                var end = member.Name.Length;
                if (end < rest.Length && char.IsLetterOrDigit(rest[end])) continue; // "@Lee" must not match "@Leena"
                if (!found.Any(f => f.Id == member.Id)) found.Add(member);
                break;
            }
        }
        return found;
    }

    /// <summary>The word being typed after an "@" at the end of <paramref name="draft"/>, or null when the caret is not in a mention.</summary>
    public static string? Typing(string? draft)
    {
        if (string.IsNullOrEmpty(draft)) return null;
        var at = draft.LastIndexOf('@');
        if (at < 0 || (at > 0 && !char.IsWhiteSpace(draft[at - 1]))) return null;
        var query = draft[(at + 1)..];
        // Up to two words: enough for "Nurse Le" while typing, not a whole sentence after an old "@".
        return query.Length <= 40 && query.Count(char.IsWhiteSpace) <= 1 && !query.EndsWith("  ", StringComparison.Ordinal) ? query : null;
    }

    /// <summary>The draft with the mention being typed replaced by the chosen colleague's name and a space.</summary>
    public static string Complete(string draft, PersonChoice member) => draft[..(draft.LastIndexOf('@') + 1)] + member.Name + " ";
}
