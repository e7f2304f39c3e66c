using System.Text.RegularExpressions;
using Inbox.Core.Common;

namespace Inbox.Core.Templates;

/// <summary>
/// A WhatsApp message template the clinic had approved by Meta: the only message allowed outside the 24-hour
/// window. Admins keep the catalogue (name, language and body exactly as approved); staff fill its {{n}} parameters.
/// </summary>
public sealed partial class MessageTemplate : Entity
{
    public const int BodyMaxLength = 1024;

    private MessageTemplate() { }

    /// <param name="accountId">The WhatsApp number it is approved for; null for every number of the business account.</param>
    public MessageTemplate(string? accountId, string name, string language, string body, DateTimeOffset createdAt)
    {
        if (!NamePattern().IsMatch(name ?? "")) throw new InboxDomainException("A template name is lowercase letters, digits and underscores, as in Meta's template manager.");
        if (!LanguagePattern().IsMatch(language ?? "")) throw new InboxDomainException("Give the template's language code as Meta shows it, e.g. en_US or id.");
        if (string.IsNullOrWhiteSpace(body) || body.Length > BodyMaxLength) throw new InboxDomainException($"Paste the approved body text (up to {BodyMaxLength} characters).");
        var numbers = Placeholder().Matches(body).Select(m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Distinct().Order().ToList();
        if (numbers.Where((n, i) => n != i + 1).Any()) throw new InboxDomainException("Parameters must be numbered {{1}}, {{2}}, … without gaps.");
        AccountId = string.IsNullOrWhiteSpace(accountId) ? null : accountId.Trim();
        Name = name!;
        Language = language!;
        Body = body.Trim();
        ParameterCount = numbers.Count;
        CreatedAt = createdAt;
        IsActive = true;
    }

    public string? AccountId { get; private set; }
    public string Name { get; private set; } = "";
    public string Language { get; private set; } = "";
    public string Body { get; private set; } = "";
    public int ParameterCount { get; private set; }
    public bool IsActive { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Meta paused or rejected it, or the clinic stopped using it: no longer offered.</summary>
    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;

    /// <summary>The text the patient will read, for the thread and the preview.</summary>
    public string Render(IReadOnlyList<string> parameters)
    {
        if (parameters.Count != ParameterCount)
            throw new InboxDomainException($"The template {Name} needs {ParameterCount} value(s); {parameters.Count} given.");
        if (parameters.Any(string.IsNullOrWhiteSpace)) throw new InboxDomainException("Fill in every value of the template.");
        return Placeholder().Replace(Body, m => parameters[int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) - 1].Trim());
    }

    [GeneratedRegex(@"^[a-z0-9_]{1,512}$")]
    private static partial Regex NamePattern();

    [GeneratedRegex(@"^[a-z]{2,3}(_[A-Z]{2})?$")]
    private static partial Regex LanguagePattern();

    [GeneratedRegex(@"\{\{(\d{1,2})\}\}")]
    private static partial Regex Placeholder();
}
