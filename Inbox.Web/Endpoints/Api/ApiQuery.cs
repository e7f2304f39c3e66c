namespace Inbox.Web.Endpoints.Api;

/// <summary>
/// Parses query values by hand (they are bound as strings) so that a bad value answers 400 with
/// `errors` naming the field, instead of the framework's bare 400.
/// </summary>
internal sealed class ApiQuery
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    private readonly Dictionary<string, string[]> _errors = [];

    public IReadOnlyDictionary<string, string[]> Errors => _errors;
    public bool IsValid => _errors.Count == 0;

    public int Limit(string? raw)
    {
        if (string.IsNullOrEmpty(raw)) return DefaultLimit;
        if (int.TryParse(raw, out var limit) && limit is >= 1 and <= MaxLimit) return limit;
        _errors["limit"] = [$"limit must be a whole number from 1 to {MaxLimit}."];
        return DefaultLimit;
    }

    public TEnum? Enum<TEnum>(string? raw, string field) where TEnum : struct, Enum
    {
        if (string.IsNullOrEmpty(raw)) return null;
        // Names only: Enum.TryParse would also take numbers and comma-separated combinations.
        if (!int.TryParse(raw, out _) && !raw.Contains(',') && System.Enum.TryParse<TEnum>(raw, ignoreCase: true, out var value)
            && System.Enum.IsDefined(value)) return value;
        var allowed = string.Join(", ", System.Enum.GetNames<TEnum>().Select(n => n.ToLowerInvariant()));
        _errors[field] = [$"{field} must be one of: {allowed}."];
        return null;
    }

    public Guid? Id(string? raw, string field)
    {
        if (string.IsNullOrEmpty(raw)) return null;
        if (Guid.TryParse(raw, out var id)) return id;
        _errors[field] = [$"{field} is not an id this API returned."];
        return null;
    }

    public void Add(string field, string message) => _errors[field] = [message];

    public void InvalidCursor() => _errors["cursor"] = ["cursor is not one this API returned; start again without it."];
}
