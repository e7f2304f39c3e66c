using FluentValidation;

namespace Inbox.Core.Staff;

/// <summary>A person choosing a new password (their own, or a temporary one an admin gave them).</summary>
public sealed class PasswordChange
{
    public string CurrentPassword { get; set; } = "";
    public string NewPassword { get; set; } = "";
    public string ConfirmPassword { get; set; } = "";
}

/// <summary>Presence and agreement only: the strength rules are Identity's password policy, checked when it is saved.</summary>
public sealed class PasswordChangeValidator : AbstractValidator<PasswordChange>
{
    public PasswordChangeValidator()
    {
        RuleFor(p => p.CurrentPassword).NotEmpty().WithMessage("Enter your current (or temporary) password.");
        RuleFor(p => p.NewPassword).NotEmpty().WithMessage("Choose a new password.")
            .NotEqual(p => p.CurrentPassword).When(p => p.CurrentPassword.Length > 0, ApplyConditionTo.CurrentValidator).WithMessage("Choose a password different from the current one.");
        RuleFor(p => p.ConfirmPassword).Equal(p => p.NewPassword).WithMessage("The two new passwords differ. Type the same password twice.");
    }
}
