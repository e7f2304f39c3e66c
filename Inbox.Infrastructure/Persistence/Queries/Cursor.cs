using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Inbox.Infrastructure.Persistence.Queries;

/// <summary>An opaque keyset cursor: the (timestamp, id) of the last row a page returned.</summary>
internal readonly record struct Cursor(DateTimeOffset At, Guid Id)
{
    public string Encode() => Base64Url.EncodeToString(Encoding.ASCII.GetBytes($"{At.UtcTicks.ToString(CultureInfo.InvariantCulture)}_{Id:N}"));

    public static Cursor? Decode(string? token)
    {
        if (string.IsNullOrEmpty(token)) return null;
        try
        {
            var parts = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(token)).Split('_');
            if (parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ticks) && Guid.TryParseExact(parts[1], "N", out var id))
                return new Cursor(new DateTimeOffset(ticks, TimeSpan.Zero), id);
        }
        catch (FormatException) { }
        throw new FormatException("The cursor is not one this API returned.");
    }
}
