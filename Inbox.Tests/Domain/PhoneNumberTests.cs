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
