using Inbox.Core.Consent;
using Inbox.Core.Contacts.Merging;
using Inbox.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Infrastructure.Contacts.Merging;

/// <summary>
/// The consent ledger follows the patient, and the most restrictive answer of the two wins (an opt-out on either
/// record stays an opt-out): when the joined ledger's newest line would say otherwise, a line stating the winning
/// answer is added at the merge time. Unmerge moves the lines back and removes that added line.
/// </summary>
internal sealed class ConsentMoves(TimeProvider clock) : IMergeParticipant
{
    public const string Added = "consent.added";
    private readonly JournaledRows<ConsentRecord> _rows = new("consent", c => c.ContactId);

    public async Task MergeAsync(MergeStep step, CancellationToken ct)
    {
        var db = step.Db;
        var (from, to) = (step.Merged.Id, step.Survivor.Id);
        var ours = await LatestAsync(db, to, ct);
        var theirs = await LatestAsync(db, from, ct);
        if (theirs is null) return;
        await _rows.MoveAsync(db, step.Moved, from, to, ct);

        var winner = ConsentRules.MostRestrictive(ours?.State ?? ConsentState.Unknown, theirs?.State ?? ConsentState.Unknown);
        var newest = new[] { ours, theirs }.OfType<ConsentRecord>().MaxBy(c => c.At);
        if (winner == ConsentState.Unknown || newest is null || newest.State == winner) return;
        var source = new[] { ours, theirs }.OfType<ConsentRecord>().First(c => c.State == winner);
        var line = new ConsentRecord(to, source.ConversationId, winner, source.Channel, Later(clock.GetUtcNow(), newest.At));
        db.ConsentRecords.Add(line);
        step.Moved(Added, line.Id, from, to);
    }

    public async Task UnmergeAsync(UnmergeStep step, CancellationToken ct)
    {
        var db = step.Db;
        var added = step.Moves(Added).Select(m => m.RowId).ToList();
        if (added.Count > 0) await db.ConsentRecords.Where(c => added.Contains(c.Id)).ExecuteDeleteAsync(ct);
        await _rows.MoveBackAsync(db, step.Moves(_rows.Kind), step.Merged.Id, ct);
    }

    public async Task<IReadOnlyList<MergeCandidateRecords>> CountAsync(InboxDbContext db, Guid contactId, CancellationToken ct) =>
        await LatestAsync(db, contactId, ct) is { } latest ? [new MergeCandidateRecords($"Consent: {Describe(latest.State)}", 1)] : [];

    private static Task<ConsentRecord?> LatestAsync(InboxDbContext db, Guid contactId, CancellationToken ct) =>
        db.ConsentRecords.AsNoTracking().Where(c => c.ContactId == contactId).OrderByDescending(c => c.At).FirstOrDefaultAsync(ct);

    // The added line must be the newest, even if a patient's answer carries a platform time ahead of ours.
    private static DateTimeOffset Later(DateTimeOffset now, DateTimeOffset newest) => now > newest ? now : newest.AddMilliseconds(1);

    private static string Describe(ConsentState state) => state switch
    {
        ConsentState.Accepted => "accepted",
        ConsentState.Declined => "declined",
        ConsentState.OptedOut => "opted out",
        _ => "no answer",
    };
}
