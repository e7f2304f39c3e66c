using System.Net.Mail;
using FluentValidation;

namespace Inbox.Core.Contacts;

/// <summary>What staff or the API may change on a contact; null leaves a field as it is, "" clears phone, email or date of birth.</summary>
/// <param name="DateOfBirth">yyyy-MM-dd.</param>
public sealed record ContactChanges(string? Name, string? Phone, string? Email, string? DateOfBirth = null);

/// <summary>
/// A clear message per field: a phone must read as a real number (with its country code, or in the clinic's local
/// format when `Contacts:DefaultRegion` is set), an email as an address, a name must not be empty.
/// </summary>
public sealed class ContactChangesValidator : AbstractValidator<ContactChanges>
{
    /// <summary>The clinic's country for numbers typed without a country code; null: international numbers only.</summary>
    public string? DefaultRegion { get; init; }

    public ContactChangesValidator()
    {
        RuleFor(c => c.Name!).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("A contact needs a name.")
            .MaximumLength(200).WithMessage("A name has at most 200 characters.")
            .When(c => c.Name is not null);
        RuleFor(c => c.Phone!).Must(p => PhoneNumber.TryParse(p, out _, DefaultRegion))
            .WithMessage(_ => DefaultRegion is null
                ? "Not a phone number: give it with its country code, e.g. +62 812 5550 105."
                : $"Not a phone number: give it with its country code, or as dialled in {DefaultRegion}.")
            .When(c => !string.IsNullOrEmpty(c.Phone));
        RuleFor(c => c.Email!).Must(e => MailAddress.TryCreate(e.Trim(), out var a) && a.Address == e.Trim() && e.Length <= 254)
            .WithMessage("Not an email address.")
            .When(c => !string.IsNullOrEmpty(c.Email));
        RuleFor(c => c.DateOfBirth!).Must(d => TryParseBirthDate(d, out _))
            .WithMessage("Not a date of birth: give it as yyyy-MM-dd, not in the future.")
            .When(c => !string.IsNullOrEmpty(c.DateOfBirth));
    }

    public static bool TryParseBirthDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out date)
        && date.Year >= 1900 && date <= DateOnly.FromDateTime(DateTime.UtcNow.AddDays(1));
}
