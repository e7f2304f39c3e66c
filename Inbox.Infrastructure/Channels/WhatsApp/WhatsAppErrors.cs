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
        190 => "WhatsApp refused the access token: renew this number's system-user token.",
        _ => platformText is null ? $"WhatsApp error {code}." : $"WhatsApp error {code}: {platformText}",
    };

    public static SendResult ToResult(int code, string? platformText, TimeSpan? retryAfter) => code switch
    {
        130429 or 131056 or 131057 or 80007 or 4 => SendResult.Transient(code.ToString(), Describe(code, platformText), retryAfter),
        _ => SendResult.Permanent(code.ToString(), Describe(code, platformText)),
    };

    /// <summary>
    /// What staff read in the thread when a patient's message could not be delivered to us as content
    /// (`messages[].errors`, type `unsupported`): the patient did write, so say what happened and what to do.
    /// </summary>
    public static string DescribeInbound(int? code, string? platformText) => code switch
    {
        131051 => "The patient sent a kind of message WhatsApp does not pass on to businesses (for example a poll or a view-once photo). Ask them to send it another way.",
        131052 => "The patient sent a file WhatsApp could not pass on, most likely too large (over 100 MB). Ask them to send a smaller file or a photo of it.",
        131053 => "The patient sent a file WhatsApp could not process. Ask them to send it again or in another format.",
        null => "The patient sent a message this inbox cannot show. Ask them to send it as text or a photo.",
        _ => $"The patient sent a message WhatsApp could not pass on (error {code}{(platformText is null ? "" : ": " + platformText)}).",
    };
}
