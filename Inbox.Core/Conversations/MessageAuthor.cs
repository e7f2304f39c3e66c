namespace Inbox.Core.Conversations;

/// <summary>Who wrote a message: the patient, the bot, a staff member (with their id) or the system.</summary>
public sealed record MessageAuthor(AuthorKind Kind, string? Id = null, string? Name = null)
{
    public static readonly MessageAuthor Patient = new(AuthorKind.Patient);
    public static readonly MessageAuthor System = new(AuthorKind.System);
    public static readonly MessageAuthor Bot = new(AuthorKind.Bot, Name: "Bot");

    public static MessageAuthor Agent(string id, string name) => new(AuthorKind.Agent, id, name);
}
