using System.Diagnostics.CodeAnalysis;
using PhoneNumbers;

namespace Inbox.Core.Contacts;

/// <summary>
/// A phone number in E.164, parsed once at the edge with libphonenumber and trusted inside. Numbers typed in a
/// local format ("0812-5550-105") need the clinic's region (`Contacts:DefaultRegion`); international ones, and the
/// digits-only ids WhatsApp sends (wa_id), do not.
/// </summary>
public readonly record struct PhoneNumber
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    private PhoneNumber(string value) => Value = value;

    public string Value { get; }

    /// <param name="defaultRegion">ISO 3166 region for numbers without a country code (e.g. "ID", "HK"); null: international only.</param>
    public static bool TryParse(string? input, [NotNullWhen(true)] out PhoneNumber? phone, string? defaultRegion = null)
    {
        phone = null;
        if (string.IsNullOrWhiteSpace(input) || input.Length > 40) return false;
        var text = input.Trim();
        // A leading 00 is the international prefix most of the world dials.
        if (text.StartsWith("00", StringComparison.Ordinal)) text = "+" + text[2..];
        var local = !text.StartsWith('+') && defaultRegion is not null && (text.StartsWith('0') || !LooksInternational(text));
        if (!local && !text.StartsWith('+')) text = "+" + text;
        try
        {
            var parsed = Util.Parse(text, local ? defaultRegion!.ToUpperInvariant() : "ZZ");
            // Possible, not valid: fictional test ranges (+1 555 01xx) and numbers newer than the library's data are kept.
            if (!Util.IsPossibleNumber(parsed)) return false;
            phone = new PhoneNumber(Util.Format(parsed, PhoneNumberFormat.E164));
            return true;
        }
        catch (NumberParseException)
        {
            return false;
        }
    }

    public static PhoneNumber Parse(string input, string? defaultRegion = null) =>
        TryParse(input, out var phone, defaultRegion) ? phone.Value : throw new FormatException("Not a phone number: give it with its country code, e.g. +62 812 5550 105.");

    /// <summary>How the number is usually written in its country: "+62 812-5550-105".</summary>
    public string ToInternationalFormat() => Util.Format(Util.Parse(Value, "ZZ"), PhoneNumberFormat.INTERNATIONAL);

    public override string ToString() => Value;

    // Digits only and long enough to carry a country code (a WhatsApp wa_id), rather than a short local number.
    private static bool LooksInternational(string text) => text.Count(char.IsAsciiDigit) >= 11 && text.All(c => char.IsAsciiDigit(c) || c is ' ' or '-');
}
