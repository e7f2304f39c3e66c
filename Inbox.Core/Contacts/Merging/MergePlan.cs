using Inbox.Core.Common;

namespace Inbox.Core.Contacts.Merging;

/// <summary>The value kept for one field, and the value it replaced on the survivor (null when nothing was overwritten).</summary>
public sealed record FieldDecision(ContactField Field, MergeSide Side, string? Value, string? Overwritten);

/// <summary>
/// Which value the merged patient keeps for each field. A receptionist's choice wins; without one, the most recent
/// value does: the side whose details were changed last, unless that side has no value (an empty field never
/// replaces a filled one). Fields both sides agree on are not conflicts and are not listed as choices.
/// </summary>
public static class MergePlan
{
    public static IReadOnlyList<ContactField> Fields { get; } = Enum.GetValues<ContactField>();

    /// <summary>The fields on which the two contacts hold different, non-empty values: the receptionist's choices.</summary>
    public static IReadOnlyList<ContactField> Conflicts(ContactDetails survivor, ContactDetails merged) =>
        Fields.Where(f => survivor.Value(f) is { } s && merged.Value(f) is { } m && !Same(f, s, m)).ToList();

    public static MergeSide DefaultSide(ContactField field, ContactDetails survivor, DateTimeOffset survivorChangedAt, ContactDetails merged, DateTimeOffset mergedChangedAt)
    {
        var survivorValue = survivor.Value(field);
        var mergedValue = merged.Value(field);
        if (mergedValue is null || IsPlaceholderName(field, mergedValue)) return MergeSide.Survivor;
        if (survivorValue is null || IsPlaceholderName(field, survivorValue)) return MergeSide.Merged;
        return mergedChangedAt > survivorChangedAt ? MergeSide.Merged : MergeSide.Survivor;
    }

    /// <summary>Every field's decision, given the receptionist's choices (fields left out take the default).</summary>
    public static IReadOnlyList<FieldDecision> Decide(
        ContactDetails survivor, DateTimeOffset survivorChangedAt, ContactDetails merged, DateTimeOffset mergedChangedAt,
        IReadOnlyDictionary<ContactField, MergeSide>? choices)
    {
        var decisions = new List<FieldDecision>();
        foreach (var field in Fields)
        {
            var side = choices is not null && choices.TryGetValue(field, out var chosen)
                ? chosen
                : DefaultSide(field, survivor, survivorChangedAt, merged, mergedChangedAt);
            var kept = side == MergeSide.Survivor ? survivor.Value(field) : merged.Value(field);
            var before = survivor.Value(field);
            if (side == MergeSide.Merged && field == ContactField.Name && kept is null)
                throw new InboxDomainException("A contact needs a name.");
            var overwritten = side == MergeSide.Merged && !Same(field, before, kept) ? before : null;
            decisions.Add(new FieldDecision(field, side, kept, overwritten));
        }
        return decisions;
    }

    /// <summary>The survivor's details after the merge.</summary>
    public static ContactDetails Apply(ContactDetails survivor, ContactDetails merged, IReadOnlyList<FieldDecision> decisions)
    {
        ContactDetails From(ContactField f) => decisions.Single(d => d.Field == f).Side == MergeSide.Survivor ? survivor : merged;
        return new ContactDetails(
            From(ContactField.Name).Name,
            From(ContactField.Phone).Phone,
            From(ContactField.Email).Email,
            From(ContactField.DateOfBirth).DateOfBirth);
    }

    private static bool IsPlaceholderName(ContactField field, string value) => field == ContactField.Name && value == Contact.UnknownName;

    private static bool Same(ContactField field, string? a, string? b) =>
        field == ContactField.Email ? string.Equals(a, b, StringComparison.OrdinalIgnoreCase) : a == b;
}
