namespace Inbox.Infrastructure.Identity;

/// <summary>The outcome of a change to an account: done, or why not in words for the person who asked.</summary>
public sealed record StaffChangeResult(bool Succeeded, IReadOnlyList<string> Errors)
{
    /// <summary>A one-time password to hand over (new person, reset). Shown once, never stored in clear.</summary>
    public string? TemporaryPassword { get; init; }

    /// <summary>The account the change created or touched.</summary>
    public string? UserId { get; init; }

    public static StaffChangeResult Ok(string userId, string? temporaryPassword = null) =>
        new(true, []) { UserId = userId, TemporaryPassword = temporaryPassword };

    public static StaffChangeResult Fail(params string[] errors) => new(false, errors);

    public static StaffChangeResult Fail(IEnumerable<string> errors) => new(false, errors.ToList());
}
