namespace Inbox.Core.Bot;

public enum BotStep { Start, AwaitingConsent, Menu, BookingService, BookingTime, BookingName, BookingDateOfBirth, OfferedPerson, OptedOut }

/// <summary>
/// Where one conversation is in the flow and what the bot has collected: stored on the conversation (JSON),
/// read by the next turn, summarised for the agent at a handover.
/// </summary>
public sealed record BotState(
    BotStep Step = BotStep.Start,
    int Misses = 0,
    bool BookAfterConsent = false,
    string? Service = null,
    string? PreferredTime = null,
    string? PatientName = null,
    DateOnly? DateOfBirth = null,
    IReadOnlyList<string>? Topics = null)
{
    public static readonly BotState New = new();

    public BotState WithTopic(string topic) =>
        this with { Topics = (Topics ?? []).Contains(topic) ? Topics : [.. Topics ?? [], topic] };
}
