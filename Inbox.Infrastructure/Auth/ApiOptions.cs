namespace Inbox.Infrastructure.Auth;

/// <summary>`Api:*` settings.</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>A clearly fake key with the Admin role for development and tests; ignored when empty.</summary>
    public string? DevelopmentKey { get; set; }
}
