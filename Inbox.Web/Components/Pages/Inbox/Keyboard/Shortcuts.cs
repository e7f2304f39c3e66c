namespace Inbox.Web.Components.Pages.Inbox.Keyboard;

public enum InboxCommand { NextConversation, PreviousConversation, Reply, Note, Resolve, AssignToMe, Search, ShowShortcuts }

/// <summary>One keyboard shortcut: the key as the browser names it (`KeyboardEvent.key`), what the overlay says, what it does.</summary>
public sealed record Shortcut(string Key, string Shows, string Description, InboxCommand Command, bool Ctrl = false);

/// <summary>Every inbox shortcut. Adding one is a line here and a case where its command is handled.</summary>
public static class Shortcuts
{
    public static readonly IReadOnlyList<Shortcut> All =
    [
        new("j", "j", "Next conversation", InboxCommand.NextConversation),
        new("k", "k", "Previous conversation", InboxCommand.PreviousConversation),
        new("r", "r", "Reply to the patient", InboxCommand.Reply),
        new("n", "n", "Write a private note", InboxCommand.Note),
        new("e", "e", "Resolve the conversation", InboxCommand.Resolve),
        new("i", "i", "Assign to me", InboxCommand.AssignToMe),
        new("/", "/", "Search patients and messages", InboxCommand.Search),
        new("k", "Ctrl+K", "Search patients and messages", InboxCommand.Search, Ctrl: true),
        new("?", "?", "Show these shortcuts", InboxCommand.ShowShortcuts),
    ];

    public static Shortcut? Find(string key, bool ctrl) => All.FirstOrDefault(s => s.Key == key && s.Ctrl == ctrl);
}
