using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Inbox.Infrastructure.Persistence.Queries;

/// <summary>An opaque keyset cursor into the audit log: the (time, id) of the last entry a page returned.</summary>
internal readonly record struct AuditCursor(DateTimeOffset At, long Id)
{
    public string Encode() => Base64Url.EncodeToString(Encoding.ASCII.GetBytes(
        $"{At.UtcTicks.ToString(CultureInfo.InvariantCulture)}_{Id.ToString(CultureInfo.InvariantCulture)}"));

    public static AuditCursor? Decode(string? token)
    {
        if (string.IsNullOrEmpty(token)) return null;
        try
        {
            var parts = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(token)).Split('_');
            if (parts.Length == 2
                && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && ticks <= DateTimeOffset.MaxValue.UtcTicks
                && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id))
                return new AuditCursor(new DateTimeOffset(ticks, TimeSpan.Zero), id);
        }
        catch (FormatException) { }
        throw new FormatException("The cursor is not one this query returned.");
    }
}
