using Inbox.Core.Channels;

namespace Inbox.Infrastructure.Channels.WhatsApp;

/// <summary>Cloud API error codes mapped to what the outbound queue does and what staff are told.</summary>
internal static class WhatsAppErrors
{
    public static string Describe(int code, string? platformText) => code switch
    {
        131047 => "The 24-hour window has closed: the patient must write first, or send an approved template.",
        131026 => "WhatsApp could not deliver this message to the patient's number.",
        130429 => "WhatsApp's sending rate limit was hit; the message will be retried.",
        131056 => "Too many messages to this patient in a short time; the message will be retried.",
        _ => platformText is null ? $"WhatsApp error {code}." : $"WhatsApp error {code}: {platformText}",
    };

    public static SendResult ToResult(int code, string? platformText, TimeSpan? retryAfter) => code switch
    {
        130429 or 131056 or 131057 or 80007 or 4 => SendResult.Transient(code.ToString(), Describe(code, platformText), retryAfter),
        _ => SendResult.Permanent(code.ToString(), Describe(code, platformText)),
    };
}
