using System.Collections.Concurrent;
using System.Collections.Immutable;
using Inbox.Core.Realtime;

namespace Inbox.Web.Realtime;

/// <summary>
/// Collision control for one instance: who has which thread open (per browser tab) and who typed last when.
/// Several instances need a shared store instead — a Redis hash per conversation (session → staff, typing time)
/// with keys expiring after a missed heartbeat, and pub/sub to raise <see cref="Watch"/> on every instance —
/// registered in place of this class in Program.cs; nothing else changes.
/// </summary>
public sealed class InMemoryThreadPresence(TimeProvider time) : IThreadPresence
{
    // Token: which Enter made the entry. A component re-created for the same tab enters again before the old one
    // leaves; the old one's leave must not remove the new entry.
    private sealed record Session(string StaffId, string Name, DateTimeOffset? TypingAt, object Token);

    private readonly ConcurrentDictionary<Guid, ImmutableDictionary<string, Session>> _threads = new();
    private readonly ConcurrentDictionary<Guid, ImmutableList<Action>> _watchers = new();

    public IDisposable Enter(Guid conversationId, string sessionId, string staffId, string name)
    {
        var token = new object();
        _threads.AddOrUpdate(conversationId, _ => ImmutableDictionary<string, Session>.Empty.SetItem(sessionId, new Session(staffId, name, null, token)),
            (_, sessions) => sessions.SetItem(sessionId, new Session(staffId, name, null, token)));
        Raise(conversationId);
        return new Callback(() => Leave(conversationId, sessionId, token));
    }

    public void Typing(Guid conversationId, string staffId) => SetTyping(conversationId, staffId, time.GetUtcNow());

    public void StoppedTyping(Guid conversationId, string staffId) => SetTyping(conversationId, staffId, null);

    public IReadOnlyList<PresentStaff> In(Guid conversationId)
    {
        if (!_threads.TryGetValue(conversationId, out var sessions)) return [];
        var since = time.GetUtcNow() - IThreadPresence.TypingExpiry;
        // One entry per person: typing in any of their tabs counts.
        return sessions.Values.GroupBy(s => s.StaffId)
            .Select(g => new PresentStaff(g.Key, g.First().Name, g.Max(s => s.TypingAt) is { } at && at > since ? at : null))
            .OrderBy(p => p.Name, StringComparer.CurrentCulture).ToList();
    }

    public IDisposable Watch(Guid conversationId, Action changed)
    {
        _watchers.AddOrUpdate(conversationId, _ => [changed], (_, list) => list.Add(changed));
        return new Callback(() => _watchers.AddOrUpdate(conversationId, _ => [], (_, list) => list.Remove(changed)));
    }

    private void SetTyping(Guid conversationId, string staffId, DateTimeOffset? at)
    {
        var changed = false;
        _threads.AddOrUpdate(conversationId, _ => ImmutableDictionary<string, Session>.Empty, (_, sessions) =>
        {
            changed = false;
            var updated = sessions;
            foreach (var (id, session) in sessions.Where(s => s.Value.StaffId == staffId))
            {
                // A fresh ping while already shown as typing changes nothing anyone sees: no event.
                var shown = session.TypingAt is { } last && last > time.GetUtcNow() - IThreadPresence.TypingExpiry;
                changed |= at is null ? session.TypingAt is not null : !shown;
                updated = updated.SetItem(id, session with { TypingAt = at });
            }
            return updated;
        });
        if (changed) Raise(conversationId);
    }

    private void Leave(Guid conversationId, string sessionId, object token)
    {
        _threads.AddOrUpdate(conversationId, _ => ImmutableDictionary<string, Session>.Empty,
            (_, sessions) => sessions.TryGetValue(sessionId, out var session) && session.Token == token ? sessions.Remove(sessionId) : sessions);
        _threads.TryRemove(KeyValuePair.Create(conversationId, ImmutableDictionary<string, Session>.Empty));
        Raise(conversationId);
    }

    private void Raise(Guid conversationId)
    {
        if (!_watchers.TryGetValue(conversationId, out var watchers)) return;
        foreach (var watcher in watchers) watcher();
    }

    private sealed class Callback(Action action) : IDisposable
    {
        private int _done;
        public void Dispose() { if (Interlocked.Exchange(ref _done, 1) == 0) action(); }
    }
}
