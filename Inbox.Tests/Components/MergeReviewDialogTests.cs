using Bunit;
using Inbox.Core.Audit;
using Inbox.Core.Channels;
using Inbox.Core.Contacts;
using Inbox.Core.Contacts.Merging;
using Inbox.Web.Components.Pages.Contacts;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using MudBlazor;

namespace Inbox.Tests.Components;

/// <summary>The side-by-side review: what it shows, which values it picks by default, and what it asks the merger.</summary>
public sealed class MergeReviewDialogTests
{
    private static readonly DateTimeOffset Older = new(2026, 9, 1, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Newer = Older.AddDays(20);

    private static readonly MergeCandidate WhatsApp = new(Guid.NewGuid(), new ContactDetails("Siti Rahmah", "+6281255501234", null, new DateOnly(1990, 4, 2)),
        Older, 3, Older, [new MergeCandidateIdentity(ChannelKind.WhatsApp, "wa-1", "Siti Rahmah", "6281255501234")],
        [new MergeCandidateConversation(Guid.NewGuid(), "Front desk", 4, Older.AddDays(1), "See you")], []);

    private static readonly MergeCandidate Line = new(Guid.NewGuid(), new ContactDetails("siti r.", "+6281255501234", "siti@example.org", null),
        Newer, 7, Newer, [new MergeCandidateIdentity(ChannelKind.Line, "default", "siti", "U123")],
        [new MergeCandidateConversation(Guid.NewGuid(), "Front desk", 2, Newer, "Hello")], [new MergeCandidateRecords("Labels", 2)]);

    private static async Task<(ComponentHarness H, IRenderedComponent<MudDialogProvider> Provider, Task<MergeReviewOutcome?> Review)> OpenAsync()
    {
        var h = new ComponentHarness();
        h.MergeReview.Setup(r => r.CandidateAsync(ComponentHarness.SignedInScope, WhatsApp.Id, It.IsAny<CancellationToken>())).ReturnsAsync(WhatsApp);
        h.MergeReview.Setup(r => r.CandidateAsync(ComponentHarness.SignedInScope, Line.Id, It.IsAny<CancellationToken>())).ReturnsAsync(Line);
        var provider = h.Context.Render<MudDialogProvider>();
        var flow = h.Context.Services.GetRequiredService<MergeFlow>();
        Task<MergeReviewOutcome?> review = null!;
        // Started, not awaited: the review ends when the dialog closes.
        await provider.InvokeAsync(() => { review = flow.ReviewAsync(WhatsApp.Id, Line.Id, ["Same phone number (+62 812-5550-1234)"]); });
        provider.WaitForElement("[data-testid=merge-confirm]");
        return (h, provider, review);
    }

    [Fact]
    public async Task Both_patients_are_shown_side_by_side_with_only_the_differing_field_to_choose()
    {
        var (h, provider, _) = await OpenAsync();
        await using var _h = h;

        Assert.Contains("Same phone number", provider.Find("[data-testid=merge-reasons]").TextContent);
        Assert.Contains("WhatsApp", provider.Find("[data-testid=identities-left]").TextContent);
        Assert.Contains("LINE", provider.Find("[data-testid=identities-right]").TextContent);
        Assert.Contains("Labels: 2", provider.Markup);
        // Name differs: a choice. Phone is the same on both, email and birth date exist on one side only: nothing to choose.
        Assert.NotEmpty(provider.FindAll("[data-testid=pick-Name-left]"));
        Assert.Empty(provider.FindAll("[data-testid=pick-Phone-left]"));
        Assert.Empty(provider.FindAll("[data-testid=pick-Email-left]"));
        // Reviewing shows both records: both reads are audited.
        h.Audit.Verify(a => a.RecordAsync(It.Is<IReadOnlyCollection<AuditEntry>>(e => e.Single().Action == AuditActions.ContactRead), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task Merging_sends_the_reviewed_versions_and_the_choices_and_audits_them()
    {
        var (h, provider, review) = await OpenAsync();
        await using var _h = h;
        var merge = new ContactMerge(new Contact("Siti Rahmah", null, Older), new Contact("siti r.", null, Older), [], new AuditActor("staff", "x", "Rita"), Newer);
        MergeRequest? sent = null;
        h.Merger.Setup(m => m.MergeAsync(ComponentHarness.SignedInScope, It.IsAny<MergeRequest>(), It.IsAny<AuditActor>(), It.IsAny<CancellationToken>()))
            .Callback((Inbox.Core.Teams.InboxScope _, MergeRequest r, AuditActor _, CancellationToken _) => sent = r)
            .ReturnsAsync(new MergeResult(MergeOutcome.Merged, merge));

        // The LINE record's name was verified more recently: it is the default; the receptionist keeps WhatsApp's.
        Assert.Equal("true", provider.Find("[data-testid=pick-Name-right]").GetAttribute("aria-pressed"));
        provider.Find("[data-testid=pick-Name-left]").Click();
        provider.Find("[data-testid=merge-confirm]").Click();

        var outcome = await review;
        Assert.Same(merge, outcome!.Merge);
        Assert.Equal((WhatsApp.Id, Line.Id, 3, 7), (sent!.SurvivorId, sent.MergedId, sent.SurvivorVersion, sent.MergedVersion));
        Assert.Equal(MergeSide.Survivor, sent.Choices![ContactField.Name]);
        Assert.Equal(MergeSide.Merged, sent.Choices[ContactField.Email]);
        h.Audit.Verify(a => a.RecordAsync(It.Is<IReadOnlyCollection<AuditEntry>>(e => e.Single().Action == AuditActions.ContactMerge && e.Single().Detail!.StartsWith($"merge {merge.Id}")),
            It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    [Fact]
    public async Task Keeping_the_other_record_swaps_the_survivor()
    {
        var (h, provider, _) = await OpenAsync();
        await using var _h = h;
        MergeRequest? sent = null;
        h.Merger.Setup(m => m.MergeAsync(It.IsAny<Inbox.Core.Teams.InboxScope>(), It.IsAny<MergeRequest>(), It.IsAny<AuditActor>(), It.IsAny<CancellationToken>()))
            .Callback((Inbox.Core.Teams.InboxScope _, MergeRequest r, AuditActor _, CancellationToken _) => sent = r)
            .ReturnsAsync(new MergeResult(MergeOutcome.Conflict, Error: "Someone changed one of these contacts a moment ago. Review them again before merging."));

        provider.Find("[data-testid=keep-right]").Click();
        provider.Find("[data-testid=merge-confirm]").Click();

        Assert.Equal((Line.Id, WhatsApp.Id), (sent!.SurvivorId, sent.MergedId));
        // A conflict keeps the dialog open with the reason, and nothing is audited as merged.
        provider.WaitForAssertion(() => Assert.Contains("changed one of these contacts", provider.Find("[data-testid=merge-error]").TextContent));
        h.Audit.Verify(a => a.RecordAsync(It.Is<IReadOnlyCollection<AuditEntry>>(e => e.Single().Action == AuditActions.ContactMerge), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Not_the_same_person_dismisses_the_pair()
    {
        var (h, provider, review) = await OpenAsync();
        await using var _h = h;

        provider.Find("[data-testid=merge-dismiss]").Click();

        Assert.True((await review)!.Dismissed);
        h.Dismissals.Verify(d => d.DismissAsync(ComponentHarness.SignedInScope, WhatsApp.Id, Line.Id, ComponentHarness.SignedInUserId, It.IsAny<CancellationToken>()), Times.Once);
        h.Merger.VerifyNoOtherCalls();
    }
}
