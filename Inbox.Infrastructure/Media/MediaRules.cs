using System.Globalization;
using System.Security.Cryptography;

namespace Inbox.Infrastructure.Media;

/// <summary>The rules an attachment must pass before it is stored, and the words staff read when it does not.</summary>
public static class MediaRules
{
    /// <summary>"audio/ogg; codecs=opus" → "audio/ogg": the allowlist names types, not their parameters.</summary>
    public static string? BaseType(string? contentType)
    {
        if (string.IsNullOrWhiteSpace(contentType)) return null;
        var semicolon = contentType.IndexOf(';');
        return (semicolon < 0 ? contentType : contentType[..semicolon]).Trim().ToLowerInvariant();
    }

    public static bool IsAllowed(string? contentType, IReadOnlyList<string> allowed) =>
        BaseType(contentType) is { } type && allowed.Any(a => string.Equals(a.Trim(), type, StringComparison.OrdinalIgnoreCase));

    /// <summary>Images, audio and video open in the browser; anything else is offered as a download.</summary>
    public static bool ShowsInline(string? contentType) =>
        BaseType(contentType) is { } type && (type.StartsWith("image/", StringComparison.Ordinal) || type.StartsWith("audio/", StringComparison.Ordinal) || type.StartsWith("video/", StringComparison.Ordinal));

    public static string TooLarge(long size, long limit) => $"File too large ({FormatSize(size)}; limit {FormatSize(limit)})";

    /// <summary>When the platform did not say how large the file is and reading stopped at the limit.</summary>
    public static string TooLarge(long limit) => $"File too large (over the {FormatSize(limit)} limit)";

    public static string TypeNotAllowed(string? contentType)
    {
        var type = BaseType(contentType) ?? "unknown";
        return $"Type not allowed: {(type.Length > 100 ? type[..100] : type)}";
    }

    public const string ChecksumMismatch = "Checksum mismatch: the downloaded file is not the one the platform announced.";

    /// <summary>
    /// Compares the platform's SHA-256 (WhatsApp sends it base64; hex is accepted too) with the file's.
    /// Null when the platform gave none, or one in a form we cannot read: there is nothing to check against.
    /// </summary>
    public static bool? ChecksumMatches(string? declared, ReadOnlySpan<byte> actual)
    {
        if (string.IsNullOrWhiteSpace(declared)) return null;
        var value = declared.Trim();
        Span<byte> expected = stackalloc byte[SHA256.HashSizeInBytes];
        if (value.Length == SHA256.HashSizeInBytes * 2 && Convert.FromHexString(value, expected, out _, out var written) == System.Buffers.OperationStatus.Done && written == expected.Length)
            return CryptographicOperations.FixedTimeEquals(expected, actual);
        if (Convert.TryFromBase64String(value, expected, out var decoded) && decoded == SHA256.HashSizeInBytes)
            return CryptographicOperations.FixedTimeEquals(expected, actual);
        return null;
    }

    /// <summary>"640 bytes", "12 KB", "3.4 MB", "31 MB".</summary>
    public static string FormatSize(long bytes)
    {
        const double kb = 1024, mb = 1024 * 1024;
        if (bytes < kb) return bytes.ToString(CultureInfo.InvariantCulture) + " bytes";
        if (bytes < mb) return Math.Round(bytes / kb).ToString(CultureInfo.InvariantCulture) + " KB";
        var m = bytes / mb;
        return (m < 10 ? Math.Round(m, 1) : Math.Round(m)).ToString("0.#", CultureInfo.InvariantCulture) + " MB";
    }

    /// <summary>A file extension for a served file's generated name (never the patient's own file name).</summary>
    public static string Extension(string? contentType) => BaseType(contentType) switch
    {
        "image/jpeg" => ".jpg",
        "image/png" => ".png",
        "image/webp" => ".webp",
        "image/gif" => ".gif",
        "application/pdf" => ".pdf",
        "text/plain" => ".txt",
        "application/msword" => ".doc",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => ".docx",
        "application/vnd.ms-excel" => ".xls",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => ".xlsx",
        "application/vnd.ms-powerpoint" => ".ppt",
        "application/vnd.openxmlformats-officedocument.presentationml.presentation" => ".pptx",
        "audio/ogg" => ".ogg",
        "audio/mpeg" => ".mp3",
        "audio/mp4" or "audio/x-m4a" or "audio/m4a" => ".m4a",
        "audio/aac" => ".aac",
        "audio/amr" => ".amr",
        "video/mp4" => ".mp4",
        "video/3gpp" => ".3gp",
        _ => ".bin",
    };
}
