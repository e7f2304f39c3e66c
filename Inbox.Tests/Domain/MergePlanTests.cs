using Inbox.Core.Audit;
using Inbox.Core.Common;
using Inbox.Core.Contacts;
using Inbox.Core.Contacts.Merging;
using Inbox.Core.Conversations;

namespace Inbox.Tests.Domain;

/// <summary>The rules of a merge that need no database: which value each field keeps, tombstones, one undo, folding threads.</summary>
public sealed class MergePlanTests
{
    private static readonly DateTimeOffset Older = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Newer = Older.AddDays(30);

    private static readonly ContactDetails Ana = new("Ana Lima", "+5511955500101", "ana@example.org", new DateOnly(1988, 3, 4));

    [Fact]
    public void Without_a_choice_the_most_recently_verified_side_wins_each_conflict()
    {
        var other = new ContactDetails("Ana L. Lima", "+5511955500199", "ana@example.org", new DateOnly(1988, 3, 4));

        var decisions = MergePlan.Decide(Ana, Older, other, Newer, null);

        Assert.Equal(MergeSide.Merged, decisions.Single(d => d.Field == ContactField.Name).Side);
        Assert.Equal("Ana Lima", decisions.Single(d => d.Field == ContactField.Name).Overwritten);
        Assert.Equal(MergeSide.Merged, decisions.Single(d => d.Field == ContactField.Phone).Side);
        Assert.Equal(new ContactDetails("Ana L. Lima", "+5511955500199", "ana@example.org", new DateOnly(1988, 3, 4)), MergePlan.Apply(Ana, other, decisions));

        Assert.All(MergePlan.Decide(Ana, Newer, other, Older, null), d => Assert.Equal(MergeSide.Survivor, d.Side));
    }

    [Fact]
    public void An_empty_value_or_the_unknown_patient_placeholder_never_overwrites_a_real_one()
    {
        var stranger = new ContactDetails(Contact.UnknownName, null, null, null);

        var decisions = MergePlan.Decide(Ana, Older, stranger, Newer, null);

        Assert.All(decisions, d => Assert.Equal(MergeSide.Survivor, d.Side));
        Assert.All(decisions, d => Assert.Null(d.Overwritten));
        Assert.Equal(Ana, MergePlan.Apply(Ana, stranger, decisions));
        // …and the other way round the filled values come over.
        Assert.Equal(Ana, MergePlan.Apply(stranger, Ana, MergePlan.Decide(stranger, Newer, Ana, Older, null)));
    }

    [Fact]
    public void The_receptionists_choice_beats_the_default_and_is_recorded_as_an_overwrite()
    {
        var other = new ContactDetails("Ana Lima", "+5511955500199", null, null);
        var choices = new Dictionary<ContactField, MergeSide> { [ContactField.Phone] = MergeSide.Merged, [ContactField.Email] = MergeSide.Merged };

        var decisions = MergePlan.Decide(Ana, Newer, other, Older, choices);

        var phone = decisions.Single(d => d.Field == ContactField.Phone);
        Assert.Equal(("+5511955500199", "+5511955500101"), (phone.Value, phone.Overwritten));
        // Choosing an empty email clears it: a receptionist may know the old address is wrong.
        Assert.Null(MergePlan.Apply(Ana, other, decisions).Email);
    }

    [Fact]
    public void Conflicts_are_fields_where_both_sides_hold_different_values()
    {
        var other = new ContactDetails("Ana Lima", "+5511955500199", "ANA@example.org", null);

        Assert.Equal([ContactField.Phone], MergePlan.Conflicts(Ana, other));
    }

    [Fact]
    public void A_tombstone_cannot_be_merged_again_or_edited_and_a_contact_not_into_itself()
    {
        var contact = new Contact("Ana Lima", null, Older);
        Assert.Throws<InboxDomainException>(() => contact.MergeInto(contact.Id));

        var survivor = Guid.NewGuid();
        contact.MergeInto(survivor);

        Assert.Equal(survivor, contact.MergedIntoId);
        Assert.Throws<InboxDomainException>(() => contact.MergeInto(Guid.NewGuid()));
        Assert.Throws<InboxDomainException>(() => contact.Edit(Ana, Newer));
    }

    [Fact]
    public void Every_change_bumps_the_version_that_guards_concurrent_merges()
    {
        var contact = new Contact("Ana Lima", null, Older);
        var versions = new List<int> { contact.Version };
        contact.Edit(Ana, Newer); versions.Add(contact.Version);
        contact.Rename("Ana"); versions.Add(contact.Version);
        contact.MergeInto(Guid.NewGuid()); versions.Add(contact.Version);

        Assert.Equal(versions.Order().Distinct(), versions);
        Assert.Equal(Newer, contact.DetailsVerifiedAt);
    }

    [Fact]
    public void A_merge_is_undone_once()
    {
        var survivor = new Contact("Ana Lima", null, Older);
        var merged = new Contact("Ana", null, Older);
        var actor = new AuditActor("staff", "s1", "Rina");
        var merge = new ContactMerge(survivor, merged, MergePlan.Decide(ContactDetails.Of(survivor), Older, ContactDetails.Of(merged), Older, null), actor, Newer);

        merge.Undo(actor, Newer.AddHours(1));

        Assert.True(merge.IsUndone);
        Assert.Throws<MergeAlreadyUndoneException>(() => merge.Undo(actor, Newer.AddHours(2)));
        Assert.StartsWith($"merge {merge.Id}: Name kept", merge.AuditDetail());
        Assert.DoesNotContain("Ana", merge.AuditDetail());
    }

    [Fact]
    public void Folding_a_thread_carries_its_unread_count_and_unfolding_takes_it_back()
    {
        var inbox = Guid.NewGuid();
        var survivor = new Conversation(Guid.NewGuid(), inbox, Older);
        var folded = new Conversation(Guid.NewGuid(), inbox, Older);
        survivor.RecordInbound(new Builders.InboundBuilder().BuildFor(survivor));
        folded.RecordInbound(new Builders.InboundBuilder().BuildFor(folded));
        folded.RecordInbound(new Builders.InboundBuilder().BuildFor(folded));

        folded.FoldInto(survivor);
        Assert.Equal(3, survivor.UnreadCount);
        Assert.Equal(survivor.Id, folded.MergedIntoConversationId);
        Assert.Throws<InboxDomainException>(() => folded.FoldInto(survivor));

        folded.Unfold(survivor);
        Assert.Equal(1, survivor.UnreadCount);
        Assert.Null(folded.MergedIntoConversationId);
        Assert.Throws<InboxDomainException>(() => new Conversation(Guid.NewGuid(), Guid.NewGuid(), Older).FoldInto(survivor));
    }
}
