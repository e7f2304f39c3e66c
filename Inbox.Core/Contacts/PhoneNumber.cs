using System.Diagnostics.CodeAnalysis;

namespace Inbox.Core.Contacts;

/// <summary>A phone number in E.164 (+ and 8 to 15 digits). Parsed once at the edge, trusted inside.</summary>
public readonly record struct PhoneNumber
{
    private PhoneNumber(string value) => Value = value;

    public string Value { get; }

    /// <summary>Accepts "+15550107788", "15550107788" (WhatsApp's wa_id) and common separators.</summary>
    public static bool TryParse(string? input, [NotNullWhen(true)] out PhoneNumber? phone)
    {
        phone = null;
        if (string.IsNullOrWhiteSpace(input)) return false;
        Span<char> digits = stackalloc char[16];
        var count = 0;
        foreach (var c in input.AsSpan().Trim())
        {
            if (char.IsAsciiDigit(c))
            {
                if (count == digits.Length) return false;
                digits[count++] = c;
            }
            else if (c is not ('+' or ' ' or '-' or '(' or ')' or '.')) return false;
        }
        if (count is < 8 or > 15 || digits[0] == '0') return false;
        phone = new PhoneNumber("+" + new string(digits[..count]));
        return true;
    }

    public static PhoneNumber Parse(string input) =>
        TryParse(input, out var phone) ? phone.Value : throw new FormatException("Not a phone number in international format.");

    public override string ToString() => Value;
}
