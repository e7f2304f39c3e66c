namespace Inbox.Core.Consent;

/// <summary>A patient's answer to the clinic's terms. Unknown until they answer.</summary>
public enum ConsentState { Unknown, Accepted, Declined, OptedOut }

public static class ConsentRules
{
    /// <summary>
    /// Contact merge: the most restrictive answer wins (opted out, then declined, then no answer, then accepted),
    /// so merging never lets the bot write to, or collect data from, someone who said no on either record.
    /// </summary>
    public static ConsentState MostRestrictive(ConsentState a, ConsentState b) => Rank(a) >= Rank(b) ? a : b;

    private static int Rank(ConsentState state) => state switch
    {
        ConsentState.Accepted => 0,
        ConsentState.Unknown => 1,
        ConsentState.Declined => 2,
        ConsentState.OptedOut => 3,
        _ => throw new ArgumentOutOfRangeException(nameof(state)),
    };
}
