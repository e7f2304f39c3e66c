using Inbox.Core.Bot;
using Inbox.Core.Consent;
using Inbox.Core.Conversations;

namespace Inbox.Tests.Bot;

/// <summary>Scripted conversations with the default clinic flow: what the patient writes, what the bot answers and does.</summary>
public sealed class FlowBotEngineTests
{
    // A Tuesday, 10:00 in Bangkok (the default flow's clinic: Mon–Fri 08–17, Sat 09–12).
    private static readonly DateTimeOffset TuesdayMorning = new(2026, 3, 3, 3, 0, 0, TimeSpan.Zero);
    // A Saturday, 20:00 in Bangkok: closed until Monday 08:00.
    private static readonly DateTimeOffset SaturdayEvening = new(2026, 3, 7, 13, 0, 0, TimeSpan.Zero);

    private readonly FlowBotEngine _engine = new();
    private readonly BotFlow _flow = DefaultClinicFlow.Create();

    /// <summary>Plays a conversation: state and consent carry over from turn to turn, as the runner does.</summary>
    private sealed class Script(FlowBotEngine engine, BotFlow flow, DateTimeOffset now, ConsentState consent = ConsentState.Unknown)
    {
        public BotState? State { get; private set; }
        public ConsentState Consent { get; private set; } = consent;
        public List<BotDecision> Decisions { get; } = [];

        public BotDecision Say(string? text, string? choice = null)
        {
            var decision = engine.Decide(new BotTurn(flow, State, Consent, new BotInput(text, choice, choice is null ? MessageType.Text : MessageType.Interactive), now));
            State = decision.State;
            if (decision.Consent is { } c) Consent = c;
            Decisions.Add(decision);
            return decision;
        }
    }

    private Script NewScript(DateTimeOffset? now = null, ConsentState consent = ConsentState.Unknown) => new(_engine, _flow, now ?? TuesdayMorning, consent);

    [Fact]
    public void A_new_patient_is_welcomed_and_asked_for_consent_with_two_buttons()
    {
        var first = NewScript().Say("hi");

        var reply = Assert.Single(first.Replies);
        Assert.StartsWith(_flow.Welcome, reply.Text);
        Assert.Contains(_flow.ConsentQuestion, reply.Text);
        Assert.Equal([FlowBotEngine.ConsentYes, FlowBotEngine.ConsentNo], reply.Choices!.Select(c => c.Id));
        Assert.Equal(BotStep.AwaitingConsent, first.State.Step);
        Assert.Null(first.Consent);
    }

    [Fact]
    public void A_first_message_asking_for_a_person_is_handed_over_at_once()
    {
        var first = NewScript().Say("Can I speak to a nurse?");

        Assert.Equal("Asked for: Talk to a person", first.Handover!.Reason);
        Assert.True(first.Replies.Single().HandoverNotice);
    }

    [Fact]
    public void Accepting_records_consent_and_shows_the_menu_every_item_answerable_by_tap_number_or_keyword()
    {
        var script = NewScript();
        script.Say("hello");
        var accepted = script.Say("I agree", FlowBotEngine.ConsentYes);
        Assert.Equal(ConsentState.Accepted, accepted.Consent);
        Assert.Equal(_flow.Menu.Select(i => "menu:" + i.Id), accepted.Replies.Single().Choices!.Select(c => c.Id));

        Assert.Contains("Map: https://maps.google.com", script.Say("Location", "menu:location").Replies.Single().Text);
        Assert.Contains("General consultation: 800", script.Say("3").Replies.Single().Text);
        Assert.Contains("insurers", script.Say("do you take my insurance?").Replies.Single().Text);
        var hours = script.Say("what are your opening hours").Replies.Single().Text;
        Assert.Contains("Monday 08:00–17:00", hours);
        Assert.Contains("We are open now.", hours);
        Assert.All(script.Decisions, d => Assert.Null(d.Handover));
    }

    [Fact]
    public void Stop_opts_out_at_once_and_the_bot_never_writes_again()
    {
        var script = NewScript();
        script.Say("hi");

        var stop = script.Say("STOP");
        Assert.Equal(ConsentState.OptedOut, stop.Consent);
        Assert.Empty(stop.Replies);

        var later = script.Say("hello again?");
        Assert.Empty(later.Replies);
        Assert.NotNull(later.Handover);
    }

    [Theory]
    [InlineData("หยุด")]
    [InlineData("配信停止")]
    [InlineData("退订")]
    [InlineData("baja")]
    [InlineData("Unsubscribe!")]
    public void Localised_opt_out_words_work_in_any_step(string word)
    {
        var script = NewScript(consent: ConsentState.Accepted);
        script.Say("hi");
        script.Say("book", "menu:book");

        var stop = script.Say(word);

        Assert.Equal(ConsentState.OptedOut, stop.Consent);
        Assert.Empty(stop.Replies);
    }

    [Fact]
    public void Declining_consent_keeps_general_answers_but_booking_asks_for_consent_first()
    {
        var script = NewScript();
        script.Say("hi");
        var declined = script.Say("No, thanks", FlowBotEngine.ConsentNo);
        Assert.Equal(ConsentState.Declined, declined.Consent);
        Assert.Contains(_flow.ConsentDeclined, declined.Replies.Single().Text);

        var book = script.Say("I want to book an appointment");
        Assert.Equal(BotStep.AwaitingConsent, book.State.Step);
        Assert.Contains(_flow.ConsentQuestion, book.Replies.Single().Text);

        var accepted = script.Say("yes");
        Assert.Equal(ConsentState.Accepted, accepted.Consent);
        Assert.Equal(BotStep.BookingService, accepted.State.Step);
    }

    [Fact]
    public void Appointment_intake_collects_service_time_name_and_date_of_birth()
    {
        var script = NewScript(consent: ConsentState.Accepted);
        script.Say("hi");
        var ask = script.Say("Book appointment", "menu:book");
        Assert.Equal(_flow.BookingServices, ask.Replies.Single().Choices!.Select(c => c.Title));

        script.Say("Vaccination", "service:1");
        script.Say("Thursday afternoon");
        script.Say("Somchai Jaidee");
        var retry = script.Say("last spring");
        Assert.Equal(_flow.InvalidDateOfBirth, retry.Replies.Single().Text);
        Assert.Null(retry.Appointment);

        var done = script.Say("23/04/1985");

        Assert.Equal(new AppointmentDraft("Vaccination", "Thursday afternoon", "Somchai Jaidee", new DateOnly(1985, 4, 23)), done.Appointment);
        Assert.StartsWith(_flow.BookingDone, done.Replies.Single().Text);
        Assert.Equal(BotStep.Menu, done.State.Step);
    }

    [Fact]
    public void Urgent_words_hand_over_at_once_with_priority_urgent_and_the_emergency_number()
    {
        var script = NewScript();
        script.Say("hi");

        var urgent = script.Say("My father has chest pain and is sweating");

        var reply = urgent.Replies.Single();
        Assert.Contains("1669", reply.Text);
        Assert.True(reply.HandoverNotice);
        Assert.Equal(Priority.Urgent, urgent.Handover!.Priority);
        Assert.Equal("Urgent: chest pain", urgent.Handover.Reason);
    }

    [Theory]
    [InlineData("หายใจไม่ออก")]
    [InlineData("胸が痛いです")]
    [InlineData("no puedo respirar")]
    public void Urgent_words_work_in_the_clinics_languages_even_before_consent(string text)
    {
        var urgent = NewScript().Say(text);

        Assert.Equal(Priority.Urgent, urgent.Handover!.Priority);
    }

    [Fact]
    public void After_two_replies_it_does_not_understand_it_offers_a_person()
    {
        var script = NewScript(consent: ConsentState.Accepted);
        script.Say("hi");

        var first = script.Say("blue elephants");
        Assert.StartsWith(_flow.NotUnderstood, first.Replies.Single().Text);
        Assert.Null(first.Handover);

        var second = script.Say("purple giraffes");
        Assert.Equal(_flow.OfferPerson, second.Replies.Single().Text);
        Assert.Equal([FlowBotEngine.PersonYes, FlowBotEngine.PersonNo], second.Replies.Single().Choices!.Select(c => c.Id));

        var yes = script.Say("Talk to a person", FlowBotEngine.PersonYes);
        Assert.Equal("The bot did not understand", yes.Handover!.Reason);
        Assert.Contains("Not understood: 2", yes.Handover.Summary);
    }

    [Fact]
    public void Asking_for_a_person_in_hours_hands_over_with_the_expected_wait_and_a_summary()
    {
        var script = NewScript(consent: ConsentState.Accepted);
        script.Say("hi");
        script.Say("3");

        var person = script.Say("can I talk to a human please");

        Assert.Equal("Asked for: Talk to a person", person.Handover!.Reason);
        Assert.Equal(Priority.Normal, person.Handover.Priority);
        Assert.Contains("within 10 minutes", person.Replies.Single().Text);
        Assert.True(person.Replies.Single().HandoverNotice);
        Assert.Contains("Asked about: Services & prices, Talk to a person", person.Handover.Summary);
        Assert.Contains("Consent: accepted", person.Handover.Summary);
    }

    [Fact]
    public void Outside_hours_the_patient_is_told_when_people_are_back_and_requests_are_still_taken()
    {
        var script = NewScript(SaturdayEvening, ConsentState.Accepted);
        script.Say("hi");

        var hours = script.Say("hours", "menu:hours").Replies.Single().Text;
        Assert.Contains("We are closed now; we open Monday at 08:00.", hours);

        var person = script.Say("person", "menu:person");
        Assert.Contains("back Monday at 08:00", person.Replies.Single().Text);
        Assert.Contains("Outside hours: told the patient we are back Monday at 08:00", person.Handover!.Summary);

        var booking = NewScript(SaturdayEvening, ConsentState.Accepted);
        booking.Say("hi");
        Assert.Equal(BotStep.BookingService, booking.Say("book", "menu:book").State.Step);
    }

    [Fact]
    public void Business_hours_follow_the_clinics_time_zone()
    {
        var hours = _flow.Hours;
        // 00:30 UTC on Tuesday is 07:30 in Bangkok: closed, opening at 08:00 today.
        var early = new DateTimeOffset(2026, 3, 3, 0, 30, 0, TimeSpan.Zero);
        Assert.False(hours.IsOpen(early));
        Assert.Equal(new DateTime(2026, 3, 3, 8, 0, 0), hours.NextOpening(early));
        Assert.True(hours.IsOpen(early.AddHours(1)));
    }

    [Theory]
    [InlineData(ConsentState.Accepted, ConsentState.OptedOut, ConsentState.OptedOut)]
    [InlineData(ConsentState.Declined, ConsentState.Accepted, ConsentState.Declined)]
    [InlineData(ConsentState.Unknown, ConsentState.Accepted, ConsentState.Unknown)]
    [InlineData(ConsentState.Declined, ConsentState.OptedOut, ConsentState.OptedOut)]
    [InlineData(ConsentState.Accepted, ConsentState.Accepted, ConsentState.Accepted)]
    public void On_merge_the_most_restrictive_consent_wins(ConsentState a, ConsentState b, ConsentState merged)
    {
        Assert.Equal(merged, ConsentRules.MostRestrictive(a, b));
        Assert.Equal(merged, ConsentRules.MostRestrictive(b, a));
    }

    [Fact]
    public void The_default_flow_is_valid_and_a_flow_without_a_way_to_a_person_is_not()
    {
        var validator = new BotFlowValidator();
        Assert.True(validator.Validate(_flow).IsValid);

        var broken = DefaultClinicFlow.Create();
        broken.Menu.RemoveAll(i => i.Action == BotMenuAction.Handover);
        broken.UrgentReply = "Call us.";
        broken.Hours.TimeZone = "Mars/Olympus";
        var errors = validator.Validate(broken).Errors.Select(e => e.ErrorMessage).ToList();
        Assert.Contains(errors, e => e.Contains("reach a person"));
        Assert.Contains(errors, e => e.Contains("{number}"));
        Assert.Contains(errors, e => e.Contains("Unknown time zone"));
    }
}
