using FluentValidation;

namespace Inbox.Core.Staff;

/// <summary>What an admin types to add a person. Mutable: a form edits it field by field.</summary>
public sealed class NewStaffMember
{
    public string DisplayName { get; set; } = "";
    public string Email { get; set; } = "";
    public StaffRole Role { get; set; } = StaffRole.Receptionist;
}

public sealed class NewStaffMemberValidator : AbstractValidator<NewStaffMember>
{
    public NewStaffMemberValidator()
    {
        RuleFor(m => m.DisplayName).Must(StaffFields.HasText).WithMessage("Enter the person's name as colleagues and patients should see it.")
            .MaximumLength(StaffFields.NameMaxLength).WithMessage($"Keep the name under {StaffFields.NameMaxLength} characters.");
        RuleFor(m => m.Email).Must(StaffFields.HasText).WithMessage("Enter the email they will sign in with.")
            .Must(StaffFields.LooksLikeEmail).When(m => StaffFields.HasText(m.Email), ApplyConditionTo.CurrentValidator).WithMessage("Enter an email address, like name@clinic.example.")
            .MaximumLength(StaffFields.EmailMaxLength).WithMessage($"Keep the email under {StaffFields.EmailMaxLength} characters.");
        RuleFor(m => m.Role).IsInEnum().WithMessage("Choose a role.");
    }
}

/// <summary>Rules shared by the staff forms (add a person, first-run setup).</summary>
public static class StaffFields
{
    public const int NameMaxLength = 200;
    public const int EmailMaxLength = 256;

    public static bool HasText(string? value) => !string.IsNullOrWhiteSpace(value);

    // Deliberately loose: the address is a sign-in name, not a mailbox we deliver to.
    public static bool LooksLikeEmail(string? value) =>
        value is not null && value.Trim() is var v && v.IndexOf('@') is > 0 and var at && at < v.Length - 1 && !v.Contains(' ');
}
