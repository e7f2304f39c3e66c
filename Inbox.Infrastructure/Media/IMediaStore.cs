namespace Inbox.Infrastructure.Media;

/// <summary>
/// Where downloaded attachments are kept, one file per message, named by the message id (never by the
/// patient's file name). The local folder today; a blob store could implement the same three calls.
/// </summary>
public interface IMediaStore
{
    /// <summary>Starts writing a message's file. Nothing is readable until <see cref="IMediaUpload.CommitAsync"/>; disposing without it discards the bytes.</summary>
    Task<IMediaUpload> BeginAsync(Guid messageId, CancellationToken cancellationToken);

    /// <summary>The stored file, or null when there is none.</summary>
    Task<Stream?> OpenReadAsync(Guid messageId, CancellationToken cancellationToken);

    /// <summary>Removes a message's file; no file is not an error.</summary>
    Task DeleteAsync(Guid messageId, CancellationToken cancellationToken);
}

public interface IMediaUpload : IAsyncDisposable
{
    Stream Content { get; }

    Task CommitAsync(CancellationToken cancellationToken);
}
