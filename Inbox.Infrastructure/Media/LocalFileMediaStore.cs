using Microsoft.Extensions.Options;

namespace Inbox.Infrastructure.Media;

/// <summary>
/// Attachments as files under `Media:StoragePath` (default `data/media` beside the database), in 256 sub-folders
/// by the id's last two hex digits so no folder grows huge. Writes go to a temporary file first and are renamed
/// into place, so a reader never sees half a file and a crash leaves only a `.partial` behind.
/// </summary>
internal sealed class LocalFileMediaStore(IOptions<MediaOptions> options, string contentRoot) : IMediaStore
{
    private const int BufferSize = 81920;

    private string Root => Path.GetFullPath(Path.Combine(contentRoot, options.Value.StoragePath));

    private string PathOf(Guid messageId)
    {
        var name = messageId.ToString("N");
        return Path.Combine(Root, name[^2..], name);
    }

    public Task<IMediaUpload> BeginAsync(Guid messageId, CancellationToken cancellationToken)
    {
        var final = PathOf(messageId);
        Directory.CreateDirectory(Path.GetDirectoryName(final)!);
        var partial = $"{final}.{Guid.NewGuid():N}.partial";
        var stream = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true);
        return Task.FromResult<IMediaUpload>(new Upload(stream, partial, final));
    }

    public Task<Stream?> OpenReadAsync(Guid messageId, CancellationToken cancellationToken)
    {
        try
        {
            return Task.FromResult<Stream?>(new FileStream(PathOf(messageId), FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, BufferSize, useAsync: true));
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task DeleteAsync(Guid messageId, CancellationToken cancellationToken)
    {
        // No file (never downloaded, or deleted before): nothing to do. File.Delete only minds a missing folder.
        var path = PathOf(messageId);
        if (Directory.Exists(Path.GetDirectoryName(path))) File.Delete(path);
        return Task.CompletedTask;
    }

    private sealed class Upload(FileStream stream, string partial, string final) : IMediaUpload
    {
        private bool _committed;

        public Stream Content => stream;

        public async Task CommitAsync(CancellationToken cancellationToken)
        {
            await stream.FlushAsync(cancellationToken);
            // On disk before the database says "stored": a crash must not leave a stored message without its file.
            stream.Flush(flushToDisk: true);
            await stream.DisposeAsync();
            File.Move(partial, final, overwrite: true);
            _committed = true;
        }

        public async ValueTask DisposeAsync()
        {
            await stream.DisposeAsync();
            if (!_committed) File.Delete(partial);
        }
    }
}
