namespace Inbox.Core.Bot;

/// <summary>
/// What a shared inbox's rule bot says and when: an admin edits it on /admin/bot, each save is a new
/// <see cref="BotFlowVersion"/>. Word lists are comma-separated so the editor shows them as one line per language.
/// Texts may use {number} (emergency number), {minutes} (typical wait) and {opening} (when people are back).
/// </summary>
public sealed class BotFlow
{
    public string Welcome { get; set; } = "";
    public string ConsentQuestion { get; set; } = "";
    public string ConsentAcceptLabel { get; set; } = "I agree";
    public string ConsentDeclineLabel { get; set; } = "No, thanks";
    /// <summary>Said after a decline: general questions still work, nothing personal is collected.</summary>
    public string ConsentDeclined { get; set; } = "";
    public string MenuPrompt { get; set; } = "";
    public List<BotMenuItem> Menu { get; set; } = [];

    public List<string> BookingServices { get; set; } = [];
    public string AskService { get; set; } = "";
    public string AskPreferredTime { get; set; } = "";
    public string AskName { get; set; } = "";
    public string AskDateOfBirth { get; set; } = "";
    public string InvalidDateOfBirth { get; set; } = "";
    public string BookingDone { get; set; } = "";

    public string NotUnderstood { get; set; } = "";
    /// <summary>After <see cref="FlowBotEngine.MissesBeforeOfferingPerson"/> replies the bot did not understand.</summary>
    public string OfferPerson { get; set; } = "";
    public string PersonLabel { get; set; } = "Talk to a person";
    public string MenuLabel { get; set; } = "Main menu";

    public string Transfer { get; set; } = "";
    public string WaitInHours { get; set; } = "";
    public string WaitOutOfHours { get; set; } = "";
    public int TypicalWaitMinutes { get; set; } = 10;

    public string EmergencyNumber { get; set; } = "";
    public string UrgentReply { get; set; } = "";
    public List<LanguageWords> UrgentWords { get; set; } = [];
    public List<LanguageWords> OptOutWords { get; set; } = [];

    public BusinessHours Hours { get; set; } = new();
}

public enum BotMenuAction
{
    /// <summary>Answer with the item's text.</summary>
    Answer,
    /// <summary>The opening hours (from <see cref="BotFlow.Hours"/>), whether the clinic is open now, then the item's text.</summary>
    Hours,
    /// <summary>Start the appointment request intake.</summary>
    Book,
    /// <summary>Hand over to a person (talk to a person, questions only staff may answer such as reports).</summary>
    Handover,
}

/// <param name="Keywords">Comma-separated words that pick this item when the patient types instead of tapping.</param>
public sealed class BotMenuItem
{
    public const int TitleMax = 20;

    public string Id { get; set; } = "";
    public string Title { get; set; } = "";
    public string Keywords { get; set; } = "";
    public BotMenuAction Action { get; set; }
    public string Answer { get; set; } = "";
}

/// <summary>Words in one language (comma-separated), e.g. urgent symptoms in Thai.</summary>
public sealed class LanguageWords
{
    public string Language { get; set; } = "";
    public string Words { get; set; } = "";

    public IEnumerable<string> List() => BotWords.Split(Words);
}

/// <summary>Comma-separated word lists, as the editor stores them.</summary>
public static class BotWords
{
    public static IEnumerable<string> Split(string? words) =>
        (words ?? "").Split([',', '、', '，'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(w => w.ToLowerInvariant()).Where(w => w.Length > 0);
}
