using FluentValidation;

namespace Inbox.Core.Staff;

/// <summary>The clinic's first admin, created on the first-run setup page of a new installation.</summary>
public sealed class FirstAdmin
{
    public string DisplayName { get; set; } = "";
    public string Email { get; set; } = "";
    public string Password { get; set; } = "";
    public string ConfirmPassword { get; set; } = "";
}

public sealed class FirstAdminValidator : AbstractValidator<FirstAdmin>
{
    public FirstAdminValidator()
    {
        RuleFor(a => a.DisplayName).Must(StaffFields.HasText).WithMessage("Enter your name.")
            .MaximumLength(StaffFields.NameMaxLength).WithMessage($"Keep the name under {StaffFields.NameMaxLength} characters.");
        RuleFor(a => a.Email).Must(StaffFields.HasText).WithMessage("Enter the email you will sign in with.")
            .Must(StaffFields.LooksLikeEmail).When(a => StaffFields.HasText(a.Email), ApplyConditionTo.CurrentValidator).WithMessage("Enter an email address, like name@clinic.example.")
            .MaximumLength(StaffFields.EmailMaxLength).WithMessage($"Keep the email under {StaffFields.EmailMaxLength} characters.");
        RuleFor(a => a.Password).NotEmpty().WithMessage("Choose a password.");
        RuleFor(a => a.ConfirmPassword).Equal(a => a.Password).WithMessage("The two passwords differ. Type the same password twice.");
    }
}
