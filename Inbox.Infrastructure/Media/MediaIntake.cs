using System.Buffers;
using System.Security.Cryptography;
using Inbox.Core.Channels;
using Microsoft.Extensions.Options;

namespace Inbox.Infrastructure.Media;

/// <summary>How taking in one attachment ended.</summary>
public abstract record MediaOutcome
{
    /// <summary>In the store; <paramref name="Sha256"/> is the file's own hash, lowercase hex; <paramref name="ContentType"/> what the download said it is.</summary>
    public sealed record Stored(long Size, string Sha256, string? ContentType) : MediaOutcome;

    /// <summary>Refused by our rules (size, type, checksum): never retried.</summary>
    public sealed record Rejected(string Reason, long? Size = null) : MediaOutcome;

    /// <summary>The platform could not give it now; a later attempt may work.</summary>
    public sealed record Retry(string Reason) : MediaOutcome;

    /// <summary>The platform will never give it (expired, deleted, access refused).</summary>
    public sealed record Failed(string Reason) : MediaOutcome;
}

/// <summary>
/// Applies the media rules to an opened download while copying it into the store: the declared size and type
/// first, then the bytes themselves — reading stops one byte past the limit — then the platform's checksum.
/// </summary>
public sealed class MediaIntake(IMediaStore store, IOptionsMonitor<MediaOptions> options)
{
    private const int ChunkSize = 81920;

    /// <summary>A type announced in the webhook that is not allowed: refused without downloading anything.</summary>
    public MediaOutcome.Rejected? RefuseBeforeDownload(string? declaredType) =>
        declaredType is not null && !MediaRules.IsAllowed(declaredType, options.CurrentValue.EffectiveAllowedTypes)
            ? new MediaOutcome.Rejected(MediaRules.TypeNotAllowed(declaredType))
            : null;

    /// <param name="declaredType">The type the platform announced in the webhook, when it did; checked as well as the download's.</param>
    /// <param name="declaredSha256">The platform's SHA-256 of the file, when it gave one.</param>
    public async Task<MediaOutcome> TakeAsync(Guid messageId, string? declaredType, string? declaredSha256, MediaDownload download, CancellationToken ct)
    {
        if (!download.Succeeded)
        {
            var reason = download.Error ?? "The platform did not give the file.";
            return download.FailureKind == SendFailureKind.Permanent ? new MediaOutcome.Failed(reason) : new MediaOutcome.Retry(reason);
        }

        var o = options.CurrentValue;
        var allowed = o.EffectiveAllowedTypes;
        if (download.Length is { } declaredLength && declaredLength > o.MaxBytes) return new MediaOutcome.Rejected(MediaRules.TooLarge(declaredLength, o.MaxBytes), declaredLength);
        // What we will serve is the announced type (or the download's when none was announced): both must be allowed.
        if (!MediaRules.IsAllowed(declaredType ?? download.ContentType, allowed)) return new MediaOutcome.Rejected(MediaRules.TypeNotAllowed(declaredType ?? download.ContentType));
        if (download.ContentType is { } actualType && !MediaRules.IsAllowed(actualType, allowed)) return new MediaOutcome.Rejected(MediaRules.TypeNotAllowed(actualType));

        await using var upload = await store.BeginAsync(messageId, ct);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        long total = 0;
        try
        {
            while (true)
            {
                // Never ask for more than one byte past the limit: a lying or missing Content-Length costs us nothing.
                var want = (int)Math.Min(buffer.Length, o.MaxBytes + 1 - total);
                var read = await download.Content!.ReadAsync(buffer.AsMemory(0, want), ct);
                if (read == 0) break;
                total += read;
                if (total > o.MaxBytes) return new MediaOutcome.Rejected(MediaRules.TooLarge(o.MaxBytes));
                hash.AppendData(buffer, 0, read);
                await upload.Content.WriteAsync(buffer.AsMemory(0, read), ct);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        var sha = hash.GetHashAndReset();
        if (MediaRules.ChecksumMatches(declaredSha256, sha) == false) return new MediaOutcome.Rejected(MediaRules.ChecksumMismatch, total);
        await upload.CommitAsync(ct);
        return new MediaOutcome.Stored(total, Convert.ToHexStringLower(sha), download.ContentType ?? declaredType);
    }
}
