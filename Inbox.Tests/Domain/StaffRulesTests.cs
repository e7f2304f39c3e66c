using System.Text;
using Inbox.Core.Staff;
using Inbox.Infrastructure.Identity;

namespace Inbox.Tests.Domain;

public sealed class TemporaryPasswordTests
{
    [Fact]
    public void A_temporary_password_is_four_groups_without_look_alikes_and_meets_the_policy()
    {
        var passwords = Enumerable.Range(0, 200).Select(_ => TemporaryPassword.Generate()).ToList();

        Assert.All(passwords, p =>
        {
            Assert.Matches("^([A-HJ-NP-Za-km-z2-9]{4}-){3}[A-HJ-NP-Za-km-z2-9]{4}$", p);
            Assert.Contains(p, char.IsUpper);
            Assert.Contains(p, char.IsLower);
            Assert.Contains(p, char.IsDigit);
        });
        Assert.Equal(passwords.Count, passwords.Distinct().Count());
    }
}

public sealed class StaffFormValidatorTests
{
    [Theory]
    [InlineData("", "rita@clinic.test", "Enter the person's name")]
    [InlineData("Rita", "", "Enter the email they will sign in with.")]
    [InlineData("Rita", "rita.clinic.test", "Enter an email address")]
    [InlineData("Rita", "rita@", "Enter an email address")]
    public void A_new_person_needs_a_name_and_an_email(string name, string email, string message)
    {
        var result = new NewStaffMemberValidator().Validate(new NewStaffMember { DisplayName = name, Email = email });

        Assert.Contains(result.Errors, e => e.ErrorMessage.StartsWith(message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_complete_new_person_passes()
    {
        Assert.True(new NewStaffMemberValidator().Validate(new NewStaffMember { DisplayName = "Rita", Email = "rita@clinic.test", Role = StaffRole.Agent }).IsValid);
    }

    [Fact]
    public void A_new_password_must_be_typed_twice_the_same_and_differ_from_the_current_one()
    {
        var validator = new PasswordChangeValidator();

        Assert.Contains(validator.Validate(new PasswordChange { CurrentPassword = "Old-Password-1", NewPassword = "Old-Password-1", ConfirmPassword = "Old-Password-1" }).Errors,
            e => e.ErrorMessage.Contains("different from the current one"));
        Assert.Contains(validator.Validate(new PasswordChange { CurrentPassword = "Old-Password-1", NewPassword = "New-Password-1", ConfirmPassword = "New-Password-2" }).Errors,
            e => e.ErrorMessage.Contains("The two new passwords differ"));
        Assert.True(validator.Validate(new PasswordChange { CurrentPassword = "Old-Password-1", NewPassword = "New-Password-1", ConfirmPassword = "New-Password-1" }).IsValid);
    }

    [Fact]
    public void The_first_admin_needs_every_field_and_matching_passwords()
    {
        var result = new FirstAdminValidator().Validate(new FirstAdmin { Password = "Some-Password-1", ConfirmPassword = "Other" });

        Assert.Equal(["DisplayName", "Email", "ConfirmPassword"], result.Errors.Select(e => e.PropertyName));
    }
}

public sealed class TotpTests
{
    // RFC 6238 appendix B, SHA-1 key "12345678901234567890"; the 8-digit reference values end in these 6 digits.
    [Theory]
    [InlineData(59, 287082)]
    [InlineData(1111111109, 81804)]
    [InlineData(1234567890, 5924)]
    [InlineData(2000000000, 279037)]
    public void Codes_match_the_rfc_6238_reference_values(long unixSeconds, int expected)
    {
        var key = Encoding.ASCII.GetBytes("12345678901234567890");

        Assert.Equal(expected, Totp.Code(key, Totp.StepAt(DateTimeOffset.FromUnixTimeSeconds(unixSeconds))));
    }

    [Fact]
    public void A_base32_key_decodes_whatever_its_case_and_spacing()
    {
        Assert.Equal(Encoding.ASCII.GetBytes("12345678901234567890"), Totp.DecodeKey("gezd gnbv gy3t qojq gezd gnbv gy3t qojq"));
    }
}
