using System.Text.RegularExpressions;
using Inbox.Core.Common;

namespace Inbox.Core.Labels;

/// <summary>An admin-managed tag for conversations ("New patient", "Billing"), shown as a coloured chip.</summary>
public sealed partial class Label : Entity
{
    public const int NameMaxLength = 40;

    private Label() { }

    public Label(string name, string color, DateTimeOffset createdAt)
    {
        Change(name, color);
        CreatedAt = createdAt;
    }

    public string Name { get; private set; } = "";
    /// <summary>#rrggbb: chips use it as a border and dot, with the name beside it (colour is never the only signal).</summary>
    public string Color { get; private set; } = "#607d8b";
    public DateTimeOffset CreatedAt { get; private set; }

    public void Change(string name, string color)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > NameMaxLength)
            throw new InboxDomainException($"A label needs a name of 1 to {NameMaxLength} characters.");
        if (!HexColor().IsMatch(color ?? ""))
            throw new InboxDomainException("A label's colour is written #rrggbb, for example #1e88e5.");
        Name = name.Trim();
        Color = color!.ToLowerInvariant();
    }

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex HexColor();
}

/// <summary>A label on a conversation: its own row keyed by ConversationId (a contact merge moves these).</summary>
public sealed record ConversationLabel(Guid ConversationId, Guid LabelId);
