using System.Globalization;
using Inbox.Core.Consent;
using Inbox.Core.Conversations;

namespace Inbox.Core.Bot;

/// <summary>
/// The rule bot: welcome and consent, a menu answered by tap, number or keyword, appointment intake, and a
/// handover whenever a person is needed. Safety first: opt-out words and urgent words are checked before
/// anything else, in every step.
/// </summary>
public sealed class FlowBotEngine : IBotEngine
{
    public const int MissesBeforeOfferingPerson = 2;
    public const string ConsentYes = "consent:yes", ConsentNo = "consent:no", PersonYes = "person:yes", PersonNo = "person:no";
    private const string MenuPrefix = "menu:", ServicePrefix = "service:";
    private static readonly string[] YesWords = ["yes", "y", "ok", "okay", "agree", "i agree", "accept", "sí", "si", "はい", "同意", "ใช่", "ตกลง", "是", "好"];
    private static readonly string[] NoWords = ["no", "n", "decline", "no thanks", "no, thanks", "いいえ", "ไม่", "不", "不同意"];
    private static readonly string[] BackToMenuWords = ["menu", "cancel", "back", "menú", "เมนู", "メニュー", "菜单"];
    private static readonly string[] DateFormats = ["yyyy-MM-dd", "d/M/yyyy", "d.M.yyyy", "d-M-yyyy", "yyyy/M/d", "d MMM yyyy", "d MMMM yyyy", "MMMM d yyyy", "MMM d yyyy"];

    public BotDecision Decide(BotTurn turn)
    {
        var (flow, input) = (turn.Flow, turn.Input);
        var state = turn.State ?? BotState.New;
        var text = (input.Text ?? "").Trim();
        var normalized = Normalize(text);

        // Someone who opted out hears nothing from the bot again; a person sees that they wrote.
        if (turn.Consent == ConsentState.OptedOut || state.Step == BotStep.OptedOut)
            return new BotDecision(state with { Step = BotStep.OptedOut }, [],
                Handover: new BotHandover("Opted out of automated messages, wrote again", Priority.Normal, Summary(state, turn.Consent)));

        if (input.ChoiceId is null && flow.OptOutWords.SelectMany(w => w.List()).Any(w => normalized == w))
            return new BotDecision(state with { Step = BotStep.OptedOut }, [], Consent: ConsentState.OptedOut);

        if (flow.UrgentWords.SelectMany(w => w.List()).FirstOrDefault(w => normalized.Contains(w, StringComparison.Ordinal)) is { } urgent)
            return new BotDecision(state, [new BotReply(Fill(flow.UrgentReply, flow, turn.Now), HandoverNotice: true)],
                Handover: new BotHandover($"Urgent: {urgent}", Priority.Urgent, Summary(state, turn.Consent)));

        return state.Step switch
        {
            BotStep.Start => Welcome(turn, state),
            BotStep.AwaitingConsent => ConsentAnswer(turn, state, normalized),
            BotStep.BookingService or BotStep.BookingTime or BotStep.BookingName or BotStep.BookingDateOfBirth => Booking(turn, state, text, normalized),
            BotStep.OfferedPerson => PersonOffer(turn, state, normalized),
            _ => MenuChoice(turn, state, normalized) ?? Miss(turn, state),
        };
    }

    private static BotDecision Welcome(BotTurn turn, BotState state)
    {
        var flow = turn.Flow;
        // A returning patient who already accepted goes straight to the menu, unless their first words already pick something.
        if (turn.Consent == ConsentState.Accepted)
            return MenuChoice(turn, state with { Step = BotStep.Menu }, Normalize(turn.Input.Text ?? ""))
                   ?? Say(state with { Step = BotStep.Menu }, Join(flow.Welcome, flow.MenuPrompt), MenuChoices(flow));
        // Asking for a person collects nothing: honoured at once, even before consent.
        if (FindMenuItem(flow, turn.Input.ChoiceId, Normalize(turn.Input.Text ?? "")) is { Action: BotMenuAction.Handover } person)
            return HandOver(turn, state.WithTopic(person.Title), $"Asked for: {person.Title}", person.Answer);
        return Say(state with { Step = BotStep.AwaitingConsent }, Join(flow.Welcome, flow.ConsentQuestion), ConsentChoices(flow));
    }

    private static BotDecision ConsentAnswer(BotTurn turn, BotState state, string normalized)
    {
        var flow = turn.Flow;
        var choice = turn.Input.ChoiceId;
        if (choice == ConsentYes || (choice is null && (YesWords.Contains(normalized) || normalized == "1" || normalized == Normalize(flow.ConsentAcceptLabel))))
        {
            var accepted = state with { Step = BotStep.Menu, Misses = 0, BookAfterConsent = false };
            return state.BookAfterConsent
                ? StartBooking(flow, accepted) with { Consent = ConsentState.Accepted }
                : Say(accepted, flow.MenuPrompt, MenuChoices(flow)) with { Consent = ConsentState.Accepted };
        }
        if (choice == ConsentNo || (choice is null && (NoWords.Contains(normalized) || normalized == "2" || normalized == Normalize(flow.ConsentDeclineLabel))))
            return Say(state with { Step = BotStep.Menu, Misses = 0, BookAfterConsent = false }, Join(flow.ConsentDeclined, flow.MenuPrompt), MenuChoices(flow))
                with { Consent = ConsentState.Declined };
        // Questions that collect nothing personal (hours, location) are answered before consent too.
        if (MenuChoice(turn, state with { Step = BotStep.Menu }, normalized) is { } answered) return answered;
        var missed = state with { Misses = state.Misses + 1 };
        if (missed.Misses >= MissesBeforeOfferingPerson) return OfferPerson(flow, missed);
        return Say(missed, Join(flow.NotUnderstood, flow.ConsentQuestion), ConsentChoices(flow));
    }

    private static BotDecision? MenuChoice(BotTurn turn, BotState state, string normalized)
    {
        var flow = turn.Flow;
        var item = FindMenuItem(flow, turn.Input.ChoiceId, normalized);
        if (item is null) return null;
        var understood = state.WithTopic(item.Title) with { Misses = 0 };
        return item.Action switch
        {
            BotMenuAction.Answer => Say(understood with { Step = BotStep.Menu }, item.Answer, MenuChoices(flow)),
            BotMenuAction.Hours => Say(understood with { Step = BotStep.Menu }, Join(HoursText(flow, turn.Now), item.Answer), MenuChoices(flow)),
            BotMenuAction.Book when turn.Consent != ConsentState.Accepted =>
                Say(understood with { Step = BotStep.AwaitingConsent, BookAfterConsent = true }, flow.ConsentQuestion, ConsentChoices(flow)),
            BotMenuAction.Book => StartBooking(flow, understood),
            BotMenuAction.Handover => HandOver(turn, understood, $"Asked for: {item.Title}", item.Answer),
            _ => null,
        };
    }

    private static BotMenuItem? FindMenuItem(BotFlow flow, string? choiceId, string normalized)
    {
        if (choiceId is not null)
            return choiceId.StartsWith(MenuPrefix, StringComparison.Ordinal) ? flow.Menu.FirstOrDefault(i => MenuPrefix + i.Id == choiceId)
                : choiceId == PersonYes ? flow.Menu.FirstOrDefault(i => i.Action == BotMenuAction.Handover) : null;
        if (normalized.Length == 0) return null;
        // The numbered menu a channel shows when it cannot show buttons: "3" is the third item.
        if (int.TryParse(normalized, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
            return number >= 1 && number <= flow.Menu.Count ? flow.Menu[number - 1] : null;
        return flow.Menu.FirstOrDefault(i => Normalize(i.Title) == normalized)
               ?? flow.Menu.FirstOrDefault(i => BotWords.Split(i.Keywords).Any(k => normalized.Contains(k, StringComparison.Ordinal)));
    }

    private static BotDecision StartBooking(BotFlow flow, BotState state) =>
        Say(state with { Step = BotStep.BookingService, Service = null, PreferredTime = null, PatientName = null, DateOfBirth = null },
            flow.AskService, flow.BookingServices.Select((s, i) => new MessageChoice(ServicePrefix + i, s)).ToList() is { Count: > 0 } c ? c : null);

    private static BotDecision Booking(BotTurn turn, BotState state, string text, string normalized)
    {
        var flow = turn.Flow;
        if (turn.Input.ChoiceId is null && BackToMenuWords.Contains(normalized))
            return Say(state with { Step = BotStep.Menu }, flow.MenuPrompt, MenuChoices(flow));
        // A tap on an older menu message leaves the intake.
        if (turn.Input.ChoiceId is { } id && !id.StartsWith(ServicePrefix, StringComparison.Ordinal))
            return MenuChoice(turn, state with { Step = BotStep.Menu }, normalized) ?? Miss(turn, state);
        if (text.Length == 0 && turn.Input.ChoiceId is null) return Miss(turn, state);

        switch (state.Step)
        {
            case BotStep.BookingService:
                var service = ServiceFrom(flow, turn.Input, normalized) ?? text;
                return Say(state with { Step = BotStep.BookingTime, Service = service, Misses = 0 }, flow.AskPreferredTime);
            case BotStep.BookingTime:
                return Say(state with { Step = BotStep.BookingName, PreferredTime = text, Misses = 0 }, flow.AskName);
            case BotStep.BookingName:
                return Say(state with { Step = BotStep.BookingDateOfBirth, PatientName = text, Misses = 0 }, flow.AskDateOfBirth);
            default:
                if (!TryParseDate(text, turn.Now, out var born))
                {
                    var missed = state with { Misses = state.Misses + 1 };
                    return missed.Misses >= MissesBeforeOfferingPerson ? OfferPerson(flow, missed) : Say(missed, flow.InvalidDateOfBirth);
                }
                var done = state with { Step = BotStep.Menu, DateOfBirth = born, Misses = 0 };
                return Say(done, Join(flow.BookingDone, flow.MenuPrompt), MenuChoices(flow)) with
                {
                    Appointment = new AppointmentDraft(done.Service ?? "", done.PreferredTime ?? "", done.PatientName ?? "", born),
                };
        }
    }

    private static string? ServiceFrom(BotFlow flow, BotInput input, string normalized)
    {
        if (input.ChoiceId is { } id && int.TryParse(id.AsSpan(ServicePrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var index)
            && index < flow.BookingServices.Count) return flow.BookingServices[index];
        if (int.TryParse(normalized, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= flow.BookingServices.Count)
            return flow.BookingServices[number - 1];
        return flow.BookingServices.FirstOrDefault(s => Normalize(s) == normalized);
    }

    private static BotDecision PersonOffer(BotTurn turn, BotState state, string normalized)
    {
        var flow = turn.Flow;
        if (turn.Input.ChoiceId == PersonYes || (turn.Input.ChoiceId is null && (YesWords.Contains(normalized) || normalized == "1" || normalized == Normalize(flow.PersonLabel))))
            return HandOver(turn, state, "The bot did not understand", null);
        if (turn.Input.ChoiceId == PersonNo || (turn.Input.ChoiceId is null && (NoWords.Contains(normalized) || normalized == "2" || BackToMenuWords.Contains(normalized))))
            return Say(state with { Step = BotStep.Menu, Misses = 0 }, flow.MenuPrompt, MenuChoices(flow));
        return MenuChoice(turn, state with { Step = BotStep.Menu }, normalized) ?? HandOver(turn, state, "The bot did not understand", null);
    }

    private static BotDecision Miss(BotTurn turn, BotState state)
    {
        var flow = turn.Flow;
        var missed = state with { Misses = state.Misses + 1, Step = state.Step == BotStep.Start ? BotStep.Menu : state.Step };
        return missed.Misses >= MissesBeforeOfferingPerson ? OfferPerson(flow, missed) : Say(missed, Join(flow.NotUnderstood, flow.MenuPrompt), MenuChoices(flow));
    }

    private static BotDecision OfferPerson(BotFlow flow, BotState state) =>
        Say(state with { Step = BotStep.OfferedPerson }, flow.OfferPerson, [new MessageChoice(PersonYes, flow.PersonLabel), new MessageChoice(PersonNo, flow.MenuLabel)]);

    private static BotDecision HandOver(BotTurn turn, BotState state, string reason, string? before)
    {
        var flow = turn.Flow;
        var notice = Join(before ?? "", Fill(flow.Transfer, flow, turn.Now));
        var summary = Summary(state, turn.Consent);
        // Out of hours the handover waits for opening time: the agent sees what the patient was promised.
        if (flow.Hours.Days.Count > 0 && !flow.Hours.IsOpen(turn.Now) && flow.Hours.NextOpening(turn.Now) is { } opening)
            summary += $"\nOutside hours: told the patient we are back {BusinessHours.DescribeOpening(opening, turn.Now, flow.Hours.Zone())}";
        return new BotDecision(state with { Step = BotStep.Menu, Misses = 0 }, [new BotReply(notice, HandoverNotice: true)],
            Handover: new BotHandover(reason, Priority.Normal, summary));
    }

    /// <summary>What the agent reads at the top of the thread: consent, what the patient asked about, the booking so far.</summary>
    /// <param name="consent">Null when the caller does not know it (staff taking over): the line is left out rather than guessed.</param>
    public static string Summary(BotState state, ConsentState? consent)
    {
        var lines = new List<string>();
        if (consent is { } known) lines.Add($"Consent: {known.ToString().ToLowerInvariant()}");
        if (state.Topics is { Count: > 0 } topics) lines.Add($"Asked about: {string.Join(", ", topics)}");
        var booking = new[] { ("service", state.Service), ("preferred time", state.PreferredTime), ("name", state.PatientName),
                ("date of birth", state.DateOfBirth?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)) }
            .Where(p => p.Item2 is not null).Select(p => $"{p.Item1} {p.Item2}").ToList();
        if (booking.Count > 0) lines.Add($"Booking: {string.Join("; ", booking)}");
        if (state.Misses > 0) lines.Add($"Not understood: {state.Misses} time(s)");
        return string.Join("\n", lines);
    }

    /// <summary>The wait the patient is told about: business-hours aware.</summary>
    public static string ExpectedWait(BotFlow flow, DateTimeOffset now)
    {
        if (flow.Hours.Days.Count == 0 || flow.Hours.IsOpen(now)) return flow.WaitInHours.Replace("{minutes}", flow.TypicalWaitMinutes.ToString(CultureInfo.InvariantCulture));
        var opening = flow.Hours.NextOpening(now);
        return flow.WaitOutOfHours.Replace("{opening}", opening is { } o ? BusinessHours.DescribeOpening(o, now, flow.Hours.Zone()) : "soon");
    }

    private static string HoursText(BotFlow flow, DateTimeOffset now)
    {
        var open = flow.Hours.IsOpen(now);
        var status = open ? "We are open now." : flow.Hours.NextOpening(now) is { } o ? $"We are closed now; we open {BusinessHours.DescribeOpening(o, now, flow.Hours.Zone())}." : "";
        return Join(flow.Hours.Describe(), status);
    }

    private static string Fill(string template, BotFlow flow, DateTimeOffset now) => template
        .Replace("{number}", flow.EmergencyNumber)
        .Replace("{wait}", ExpectedWait(flow, now))
        .Replace("{minutes}", flow.TypicalWaitMinutes.ToString(CultureInfo.InvariantCulture));

    private static List<MessageChoice> MenuChoices(BotFlow flow) => flow.Menu.Select(i => new MessageChoice(MenuPrefix + i.Id, i.Title)).ToList();

    private static List<MessageChoice> ConsentChoices(BotFlow flow) => [new(ConsentYes, flow.ConsentAcceptLabel), new(ConsentNo, flow.ConsentDeclineLabel)];

    private static BotDecision Say(BotState state, string text, IReadOnlyList<MessageChoice>? choices = null) =>
        new(state, [new BotReply(text, choices is { Count: > 0 } ? choices : null)]);

    private static string Join(params string[] parts) => string.Join("\n\n", parts.Where(p => !string.IsNullOrWhiteSpace(p)).Select(p => p.Trim()));

    private static string Normalize(string text) => text.Trim().TrimEnd('.', '!', '?', '。', '！', '？').Trim().ToLowerInvariant();

    private static bool TryParseDate(string text, DateTimeOffset now, out DateOnly date)
    {
        var ok = DateOnly.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out date);
        return ok && date.Year >= 1900 && date <= DateOnly.FromDateTime(now.UtcDateTime);
    }
}
