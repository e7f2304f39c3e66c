namespace Inbox.Core.Channels;

/// <summary>
/// An attachment opened through a platform's media API. The caller owns <see cref="Content"/> and enforces the
/// size limit and content-type allowlist while copying it (a platform's declared length can be missing or wrong).
/// </summary>
public sealed class MediaDownload : IAsyncDisposable
{
    private MediaDownload(Stream? content, string? contentType, long? length, SendFailureKind? failure, string? error)
    {
        Content = content;
        ContentType = contentType;
        Length = length;
        FailureKind = failure;
        Error = error;
    }

    public Stream? Content { get; }
    public string? ContentType { get; }
    public long? Length { get; }
    /// <summary>Null on success; Transient when a later try may work (outage, expired URL), Permanent when not (deleted, too old).</summary>
    public SendFailureKind? FailureKind { get; }
    public string? Error { get; }
    public bool Succeeded => Content is not null;

    public static MediaDownload Opened(Stream content, string? contentType, long? length) => new(content, contentType, length, null, null);

    public static MediaDownload Failed(SendFailureKind kind, string error) => new(null, null, null, kind, error);

    public ValueTask DisposeAsync() => Content?.DisposeAsync() ?? ValueTask.CompletedTask;
}
