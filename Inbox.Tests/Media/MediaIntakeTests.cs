using System.Security.Cryptography;
using Inbox.Core.Channels;
using Inbox.Infrastructure.Media;
using Inbox.Tests.Support;
using Microsoft.Extensions.Options;

namespace Inbox.Tests.Media;

/// <summary>The media rules applied while copying a download into a real folder on disk.</summary>
public sealed class MediaIntakeTests : IDisposable
{
    private const long Limit = 1000;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "inbox-media-tests", Guid.NewGuid().ToString("N"));
    private readonly LocalFileMediaStore _store;
    private readonly MediaIntake _intake;

    public MediaIntakeTests()
    {
        var options = new MediaOptions { MaxBytes = Limit, StoragePath = _folder };
        _store = new LocalFileMediaStore(Options.Create(options), contentRoot: "/");
        _intake = new MediaIntake(_store, new TestOptions<MediaOptions>(options));
    }

    public void Dispose()
    {
        try { Directory.Delete(_folder, recursive: true); } catch (DirectoryNotFoundException) { }
    }

    private static MediaDownload Opened(Stream content, string? type = "image/jpeg", long? length = null) => MediaDownload.Opened(content, type, length);

    private async Task<byte[]?> StoredAsync(Guid id)
    {
        await using var file = await _store.OpenReadAsync(id, default);
        if (file is null) return null;
        using var copy = new MemoryStream();
        await file.CopyToAsync(copy);
        return copy.ToArray();
    }

    private string[] FilesOnDisk() => Directory.Exists(_folder) ? Directory.GetFiles(_folder, "*", SearchOption.AllDirectories) : [];

    [Fact]
    public async Task A_file_within_the_rules_is_stored_under_the_message_id_with_its_own_hash()
    {
        var id = Guid.NewGuid();
        var bytes = RandomNumberGenerator.GetBytes(700);

        var outcome = await _intake.TakeAsync(id, "image/jpeg", Convert.ToBase64String(SHA256.HashData(bytes)), Opened(new MemoryStream(bytes)), default);

        var stored = Assert.IsType<MediaOutcome.Stored>(outcome);
        Assert.Equal(700, stored.Size);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), stored.Sha256);
        Assert.Equal(bytes, await StoredAsync(id));
        Assert.Equal(id.ToString("N"), Path.GetFileName(Assert.Single(FilesOnDisk())));
    }

    [Fact]
    public async Task A_declared_size_over_the_limit_is_rejected_without_reading()
    {
        var content = new CountingStream(new MemoryStream(new byte[10]));

        var outcome = await _intake.TakeAsync(Guid.NewGuid(), "image/jpeg", null, Opened(content, length: 31 * 1024 * 1024), default);

        var rejected = Assert.IsType<MediaOutcome.Rejected>(outcome);
        Assert.Equal("File too large (31 MB; limit 1000 bytes)", rejected.Reason);
        Assert.Equal(0, content.BytesRead);
        Assert.Empty(FilesOnDisk());
    }

    [Fact]
    public async Task An_undeclared_oversize_stream_stops_being_read_just_past_the_limit_and_leaves_nothing()
    {
        var endless = new CountingStream(new EndlessStream());

        var outcome = await _intake.TakeAsync(Guid.NewGuid(), "video/mp4", null, Opened(endless, "video/mp4", length: null), default);

        Assert.Equal("File too large (over the 1000 bytes limit)", Assert.IsType<MediaOutcome.Rejected>(outcome).Reason);
        Assert.Equal(Limit + 1, endless.BytesRead);
        Assert.Empty(FilesOnDisk());
    }

    [Fact]
    public async Task A_file_exactly_at_the_limit_is_stored()
    {
        var outcome = await _intake.TakeAsync(Guid.NewGuid(), "application/pdf", null, Opened(new MemoryStream(new byte[Limit]), "application/pdf"), default);

        Assert.Equal(Limit, Assert.IsType<MediaOutcome.Stored>(outcome).Size);
    }

    [Theory]
    [InlineData("application/x-msdownload", "application/x-msdownload")]
    [InlineData("image/jpeg", "text/html")]
    [InlineData(null, "image/svg+xml")]
    public async Task A_type_outside_the_allowlist_in_the_webhook_or_the_download_is_rejected(string? announced, string downloaded)
    {
        var outcome = await _intake.TakeAsync(Guid.NewGuid(), announced, null, Opened(new MemoryStream([1, 2, 3]), downloaded), default);

        var rejected = Assert.IsType<MediaOutcome.Rejected>(outcome);
        Assert.StartsWith("Type not allowed: ", rejected.Reason);
        Assert.Empty(FilesOnDisk());
    }

    [Fact]
    public async Task A_checksum_that_does_not_match_the_platforms_is_rejected_and_the_bytes_discarded()
    {
        var outcome = await _intake.TakeAsync(Guid.NewGuid(), "image/jpeg", Convert.ToBase64String(SHA256.HashData("something else"u8)),
            Opened(new MemoryStream([1, 2, 3])), default);

        Assert.Equal(MediaRules.ChecksumMismatch, Assert.IsType<MediaOutcome.Rejected>(outcome).Reason);
        Assert.Empty(FilesOnDisk());
    }

    [Theory]
    [InlineData(SendFailureKind.Transient, typeof(MediaOutcome.Retry))]
    [InlineData(SendFailureKind.Permanent, typeof(MediaOutcome.Failed))]
    public async Task A_failed_download_is_retried_or_given_up_as_the_adapter_says(SendFailureKind kind, Type expected)
    {
        var outcome = await _intake.TakeAsync(Guid.NewGuid(), "image/jpeg", null, MediaDownload.Failed(kind, "Expired on WhatsApp"), default);

        Assert.IsType(expected, outcome);
    }

    /// <summary>Counts what the intake actually read.</summary>
    private sealed class CountingStream(Stream inner) : Stream
    {
        public long BytesRead { get; private set; }
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) { var n = inner.Read(buffer, offset, count); BytesRead += n; return n; }
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) { var n = await inner.ReadAsync(buffer, cancellationToken); BytesRead += n; return n; }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    /// <summary>A download that never ends (a platform sending more than it declared, or declaring nothing).</summary>
    private sealed class EndlessStream : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) { Array.Fill(buffer, (byte)7, offset, count); return count; }
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) { buffer.Span.Fill(7); return ValueTask.FromResult(buffer.Length); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
