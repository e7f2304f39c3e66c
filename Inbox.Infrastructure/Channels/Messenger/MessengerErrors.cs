using System.Globalization;
using Inbox.Core.Channels;

namespace Inbox.Infrastructure.Channels.Messenger;

/// <summary>Send API error codes (code, subcode) mapped to what the outbound queue does and what staff are told.</summary>
internal static class MessengerErrors
{
    public const string WindowClosedReason =
        "The Messenger window has closed: replies are allowed within 24 hours of the patient's last message, " +
        "and a person's reply with the HUMAN_AGENT tag up to 7 days. Wait for the patient to write again.";

    public static SendResult ToResult(int code, int? subcode, string? platformText, TimeSpan? retryAfter)
    {
        var id = subcode is { } sub ? $"{code.ToString(CultureInfo.InvariantCulture)}/{sub.ToString(CultureInfo.InvariantCulture)}" : code.ToString(CultureInfo.InvariantCulture);
        return (code, subcode) switch
        {
            // The Send API error page names the closed window 10/2018278; the "Send a Message" page lists 1545041.
            (_, 2018278) or (1545041, _) or (_, 1545041) => SendResult.Permanent(id, WindowClosedReason),
            (551, _) => SendResult.Permanent(id, "This person isn't available on Messenger right now (they blocked the page or closed their account)."),
            (100, 2018001) => SendResult.Permanent(id, "Messenger knows no such person for this page: they may have closed their account."),
            (190, _) => SendResult.Permanent(id, "The page access token is invalid or has expired: reconnect the Facebook page in the channel settings."),
            (4 or 17 or 32 or 613, _) => SendResult.Transient(id, "Messenger's sending rate limit was hit; the message will be retried.", retryAfter),
            (1 or 2 or 1200, _) => SendResult.Transient(id, "Messenger had a temporary problem; the message will be retried.", retryAfter),
            (10, _) or (>= 200 and < 300, _) => SendResult.Permanent(id, Text($"Messenger refused this message: the app lacks a permission it needs (error {id})", platformText)),
            (100, _) => SendResult.Permanent(id, Text($"Messenger refused the request as invalid (error {id})", platformText)),
            _ => SendResult.Permanent(id, Text($"Messenger error {id}", platformText)),
        };
    }

    private static string Text(string reason, string? platformText) =>
        string.IsNullOrWhiteSpace(platformText) ? reason + "." : $"{reason}: {platformText}";
}
