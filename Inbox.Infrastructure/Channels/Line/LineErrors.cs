using Inbox.Core.Channels;
using Inbox.Infrastructure.Channels.Line.Payloads;

namespace Inbox.Infrastructure.Channels.Line;

/// <summary>Messaging API status codes and error messages mapped to what the outbound queue does and what staff are told.</summary>
internal static class LineErrors
{
    /// <summary>`400 {"message":"Invalid reply token"}`: expired (about a minute), already used, or unknown. Push instead.</summary>
    public static bool IsInvalidReplyToken(int status, LineErrorResponse? error) =>
        status == 400 && error?.Message?.Contains("reply token", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>429 means either "slow down" or, with this message, "the monthly free message quota is used up".</summary>
    public static bool IsMonthlyQuotaExhausted(int status, LineErrorResponse? error) =>
        status == 429 && error?.Message?.Contains("monthly limit", StringComparison.OrdinalIgnoreCase) == true;

    public static SendResult ToResult(int status, LineErrorResponse? error, TimeSpan? retryAfter)
    {
        if (IsMonthlyQuotaExhausted(status, error))
            // Retrying within the month cannot help; staff must know why and what still works.
            return SendResult.Permanent("quota", "This LINE account has used up its monthly message quota: push messages fail until it resets or the plan is upgraded. Replies within a minute of the patient's message are free.");
        var code = status.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return status switch
        {
            429 => SendResult.Transient(code, "LINE's rate limit was hit; the message will be retried.", retryAfter),
            408 or >= 500 => SendResult.Transient(code, $"LINE answered {status}; the message will be retried.", retryAfter),
            400 => SendResult.Permanent(code, "LINE refused the message: " + Describe(error)),
            401 => SendResult.Permanent(code, "LINE refused the channel access token: issue a new one in the LINE Developers Console and update this channel's settings."),
            403 => SendResult.Permanent(code, "This LINE account is not allowed to send this (plan or permission): " + Describe(error)),
            404 => SendResult.Permanent(code, "LINE does not know this patient on this account (not a friend, or blocked it)."),
            413 => SendResult.Permanent(code, "The message is larger than LINE accepts (2 MB)."),
            _ => SendResult.Permanent(code, $"LINE refused the message (HTTP {status}): " + Describe(error)),
        };
    }

    /// <summary>LINE's own words: the message and, for validation errors, which field is wrong (never message content).</summary>
    public static string Describe(LineErrorResponse? error)
    {
        if (error?.Message is not { Length: > 0 } message) return "no reason given.";
        var details = error.Details?.Where(d => d.Message is not null).Select(d => d.Property is null ? d.Message : $"{d.Property}: {d.Message}").ToList();
        return details is { Count: > 0 } ? $"{message} ({string.Join("; ", details)})" : message;
    }
}
