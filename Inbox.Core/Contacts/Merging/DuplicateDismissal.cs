namespace Inbox.Core.Contacts.Merging;

/// <summary>A receptionist said two contacts are different people: the pair is no longer suggested.</summary>
public sealed class DuplicateDismissal
{
    private DuplicateDismissal() { }

    public DuplicateDismissal(Guid a, Guid b, string dismissedBy, DateTimeOffset at)
    {
        // Stored in one order so a pair has one row whichever way round it was dismissed.
        (FirstId, SecondId) = a.CompareTo(b) < 0 ? (a, b) : (b, a);
        DismissedBy = dismissedBy;
        DismissedAt = at;
    }

    public Guid FirstId { get; private set; }
    public Guid SecondId { get; private set; }
    public string DismissedBy { get; private set; } = "";
    public DateTimeOffset DismissedAt { get; private set; }

    public static (Guid First, Guid Second) Key(Guid a, Guid b) => a.CompareTo(b) < 0 ? (a, b) : (b, a);
}
