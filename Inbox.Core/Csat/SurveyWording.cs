using Inbox.Core.Conversations;

namespace Inbox.Core.Csat;

/// <summary>
/// Every word of the satisfaction survey the patient reads (the question, the five choices, the thanks) and the
/// thread lines staff read when it could not go. The outbound path turns the choices into WhatsApp list/buttons,
/// Messenger quick replies or LINE quick replies.
/// </summary>
public static class SurveyWording
{
    /// <summary>Who the survey and the thanks are "from" in the thread: not a person (no human reply) and not the bot (never silenced).</summary>
    public static readonly MessageAuthor Author = new(AuthorKind.System, Name: "Satisfaction survey");

    public const string Question = "How satisfied are you with the help you received? Tap a number from 1 (poor) to 5 (excellent). You can add a comment after the number, e.g. \"5 thank you\".";

    public const string Thanks = "Thank you for your feedback!";

    /// <summary>Prefix of the choice ids: the tapped payload is "csat:1" … "csat:5".</summary>
    public const string PayloadPrefix = "csat:";

    /// <summary>Best first, so the top of a list or the first button is the answer most patients give.</summary>
    public static readonly IReadOnlyList<MessageChoice> Choices =
    [
        new($"{PayloadPrefix}5", "5 · Excellent"),
        new($"{PayloadPrefix}4", "4 · Good"),
        new($"{PayloadPrefix}3", "3 · Okay"),
        new($"{PayloadPrefix}2", "2 · Poor"),
        new($"{PayloadPrefix}1", "1 · Very poor"),
    ];

    /// <summary>The system line in the thread when a survey was due but not sent.</summary>
    public static string NotSentLine(SurveyOutcome outcome) => outcome switch
    {
        SurveyOutcome.NotSentWindowClosed => "Satisfaction survey not sent: window closed",
        SurveyOutcome.NotSentOptedOut => "Satisfaction survey not sent: patient opted out",
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "The survey was sent."),
    };
}
