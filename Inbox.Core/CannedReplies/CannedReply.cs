using System.Text.RegularExpressions;
using Inbox.Core.Common;

namespace Inbox.Core.CannedReplies;

/// <summary>A prepared answer staff insert with "/shortcut" in the composer; placeholders are filled on insert.</summary>
public sealed partial class CannedReply : Entity
{
    public const int BodyMaxLength = 2000;

    private CannedReply() { }

    public CannedReply(string shortcut, string title, string body, DateTimeOffset now)
    {
        Change(shortcut, title, body, now);
    }

    public string Shortcut { get; private set; } = "";
    public string Title { get; private set; } = "";
    public string Body { get; private set; } = "";
    public DateTimeOffset UpdatedAt { get; private set; }

    public void Change(string shortcut, string title, string body, DateTimeOffset now)
    {
        var key = (shortcut ?? "").Trim().TrimStart('/').ToLowerInvariant();
        if (!ShortcutPattern().IsMatch(key)) throw new InboxDomainException("A shortcut is 1–32 lowercase letters, digits, - or _ (typed after / in the composer).");
        if (string.IsNullOrWhiteSpace(title) || title.Trim().Length > 100) throw new InboxDomainException("Give the reply a title of up to 100 characters.");
        if (string.IsNullOrWhiteSpace(body) || body.Length > BodyMaxLength) throw new InboxDomainException($"Write the reply (up to {BodyMaxLength} characters).");
        Shortcut = key;
        Title = title.Trim();
        Body = body.Trim();
        UpdatedAt = now;
    }

    [GeneratedRegex("^[a-z0-9_-]{1,32}$")]
    private static partial Regex ShortcutPattern();
}
