using Inbox.Core.Audit;

namespace Inbox.Tests.Domain;

public sealed class AuditChainTests
{
    private static readonly AuditEntry Entry = new(new DateTimeOffset(2026, 11, 23, 9, 0, 0, TimeSpan.Zero),
        new AuditActor("staff", "u1", "Rita"), "conversation.read", "conversation", "c1", "10.0.0.1");

    [Fact]
    public void The_same_entry_after_the_same_link_hashes_the_same() =>
        Assert.Equal(AuditChain.Hash(AuditChain.Genesis, Entry), AuditChain.Hash(AuditChain.Genesis, Entry));

    [Fact]
    public void Any_changed_field_or_previous_link_changes_the_hash()
    {
        var original = AuditChain.Hash(AuditChain.Genesis, Entry);

        Assert.NotEqual(original, AuditChain.Hash(AuditChain.Genesis, Entry with { SubjectId = "c2" }));
        Assert.NotEqual(original, AuditChain.Hash(AuditChain.Genesis, Entry with { Actor = new AuditActor("staff", "u2", "Rita") }));
        Assert.NotEqual(original, AuditChain.Hash(AuditChain.Genesis, Entry with { At = Entry.At.AddMilliseconds(1) }));
        Assert.NotEqual(original, AuditChain.Hash(original, Entry));
    }

    [Fact]
    public void Field_boundaries_cannot_be_shifted_to_forge_a_hash() =>
        Assert.NotEqual(
            AuditChain.Hash(AuditChain.Genesis, Entry with { SubjectType = "conversation", SubjectId = "c1" }),
            AuditChain.Hash(AuditChain.Genesis, Entry with { SubjectType = "conversationc", SubjectId = "1" }));
}
