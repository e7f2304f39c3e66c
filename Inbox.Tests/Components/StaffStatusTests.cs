using Bunit;
using Inbox.Core.Staff;
using Inbox.Infrastructure.Identity;
using Inbox.Web.Components.Pages.Admin.Staff;
using Microsoft.Extensions.Time.Testing;

namespace Inbox.Tests.Components;

/// <summary>The staff list's status chip: the word says the state, whatever the colour.</summary>
public sealed class StaffStatusTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static StaffMemberSummary Person(StaffAccountState state, DateTimeOffset? lockedUntil = null, bool mustChange = false) =>
        new("id", "Rita Reception", "rita@clinic.test", StaffRole.Receptionist, false, state, lockedUntil, mustChange, null, Now);

    public static TheoryData<string, StaffMemberSummary> States => new()
    {
        { "Active", Person(StaffAccountState.Active) },
        { "Temporary password", Person(StaffAccountState.Active, mustChange: true) },
        { "Locked until today 09:15", Person(StaffAccountState.Locked, Now.AddMinutes(15)) },
        { "Locked", Person(StaffAccountState.Locked, StaffLockout.UntilUnlocked) },
        { "Disabled", Person(StaffAccountState.Disabled) },
    };

    [Theory]
    [MemberData(nameof(States))]
    public async Task Each_state_reads_as_words(string expected, StaffMemberSummary person)
    {
        var clock = new FakeTimeProvider(Now);
        clock.SetLocalTimeZone(TimeZoneInfo.Utc);
        await using var h = new ComponentHarness(clock);

        var cut = h.Context.Render<StaffStatus>(p => p.Add(s => s.Person, person));

        Assert.Equal(expected, cut.Find("[data-testid=staff-state]").TextContent.Trim());
    }
}
