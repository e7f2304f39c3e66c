using Inbox.Core.Contacts;

namespace Inbox.Tests.Domain;

public sealed class PhoneNumberTests
{
    [Theory]
    [InlineData("15550107788", "+15550107788")]
    [InlineData("+1 (555) 010-7788", "+15550107788")]
    [InlineData("+49 155 5010 0001", "+4915550100001")]
    public void International_numbers_are_stored_in_E164(string input, string expected)
    {
        Assert.True(PhoneNumber.TryParse(input, out var phone));
        Assert.Equal(expected, phone!.Value.Value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("12345")]
    [InlineData("0155501077")]
    [InlineData("+1555010778899999")]
    [InlineData("call me")]
    public void Anything_else_is_refused(string input) => Assert.False(PhoneNumber.TryParse(input, out _));
}

public sealed class PhoneNumberLocalFormatTests
{
    [Theory]
    [InlineData("0812-5550-105", "ID", "+628125550105")]
    [InlineData("9123 4567", "HK", "+85291234567")]
    [InlineData("012-555 0104", "MY", "+60125550104")]
    [InlineData("(11) 95550-0103", "BR", "+5511955500103")]
    [InlineData("0062 812 5550 105", "HK", "+628125550105")]
    [InlineData("+62 812 5550 105", "HK", "+628125550105")]
    public void A_number_typed_the_local_way_is_read_with_the_clinic_region(string input, string region, string expected)
    {
        Assert.True(PhoneNumber.TryParse(input, out var phone, region));
        Assert.Equal(expected, phone!.Value.Value);
    }

    [Fact]
    public void The_same_patient_typed_two_ways_is_one_number() =>
        Assert.Equal(PhoneNumber.Parse("0812 5550 105", "ID"), PhoneNumber.Parse("628125550105"));

    [Fact]
    public void Without_a_region_a_local_number_is_refused_rather_than_guessed() =>
        Assert.False(PhoneNumber.TryParse("0812-5550-105", out _));

    [Fact]
    public void It_is_shown_the_way_its_country_writes_it() =>
        Assert.Equal("+62 812-5550-105", PhoneNumber.Parse("+628125550105").ToInternationalFormat());
}
