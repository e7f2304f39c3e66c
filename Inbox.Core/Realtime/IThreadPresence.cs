namespace Inbox.Core.Realtime;

/// <summary>A colleague in a thread: who they are and, when typing, their last keystroke ping.</summary>
public sealed record PresentStaff(string StaffId, string Name, DateTimeOffset? TypingAt);

/// <summary>
/// Who has a thread open and who is typing in its composer (collision control). Each open thread page is a
/// "session" (one thread view in one browser tab); one person in two tabs shows once, typing is per person. The in-memory implementation serves one
/// instance; with several instances a Redis-backed one (hash per conversation, pub/sub for changes) replaces it.
/// </summary>
public interface IThreadPresence
{
    /// <summary>How long a typing ping counts: typing shows until this long after the last ping.</summary>
    static readonly TimeSpan TypingExpiry = TimeSpan.FromSeconds(5);

    /// <summary>The session has the thread open. Dispose the result when it closes.</summary>
    IDisposable Enter(Guid conversationId, string sessionId, string staffId, string name);

    /// <summary>The person's composer in this thread has a keystroke (callers throttle: one ping every couple of seconds).</summary>
    void Typing(Guid conversationId, string staffId);

    /// <summary>The person stopped typing in this thread (sent, cleared the draft).</summary>
    void StoppedTyping(Guid conversationId, string staffId);

    /// <summary>Everyone in the thread, once per person; <see cref="PresentStaff.TypingAt"/> only while it has not expired.</summary>
    IReadOnlyList<PresentStaff> In(Guid conversationId);

    /// <summary>Called (on any thread) when someone enters, leaves or starts/stops typing in <paramref name="conversationId"/>.</summary>
    IDisposable Watch(Guid conversationId, Action changed);
}
