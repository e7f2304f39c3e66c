namespace Inbox.Core.CannedReplies;

public sealed record CannedReplyView(Guid Id, string Shortcut, string Title, string Body);

/// <summary>The clinic's canned replies: admins (and supervisors) keep them, the composer searches them.</summary>
public interface ICannedReplies
{
    Task<IReadOnlyList<CannedReplyView>> AllAsync(CancellationToken ct);

    /// <summary>Shortcut starts with, or title contains, <paramref name="query"/>; shortcut matches first.</summary>
    Task<IReadOnlyList<CannedReplyView>> SearchAsync(string query, int limit, CancellationToken ct);

    Task<Guid> AddAsync(string shortcut, string title, string body, CancellationToken ct);

    Task UpdateAsync(Guid id, string shortcut, string title, string body, CancellationToken ct);

    Task DeleteAsync(Guid id, CancellationToken ct);
}

/// <summary>The clinic's own details for placeholders (configuration `Clinic:Name`, `Clinic:Hours`).</summary>
public sealed class ClinicOptions
{
    public const string Section = "Clinic";
    public string? Name { get; set; }
    public string? Hours { get; set; }
}
