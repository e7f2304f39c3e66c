namespace Inbox.Core.Channels;

/// <summary>What a platform allows: the limits the composer and the bot must respect.</summary>
/// <param name="TextLimit">Longest text message, in UTF-16 characters as the platforms count them.</param>
/// <param name="ServiceWindow">How long after the patient's last message free-form replies are allowed; null when there is no such rule.</param>
/// <param name="MaxButtons">Most reply buttons or quick replies in one message.</param>
/// <param name="HasProfileApi">Names come from a profile lookup (Messenger, LINE) rather than with each message (WhatsApp).</param>
public sealed record ChannelCapabilities(int TextLimit, TimeSpan? ServiceWindow, int MaxButtons, bool HasProfileApi)
{
    public static readonly ChannelCapabilities WhatsApp = new(4096, TimeSpan.FromHours(24), 3, HasProfileApi: false);
    public static readonly ChannelCapabilities Messenger = new(2000, TimeSpan.FromHours(24), 13, HasProfileApi: true);
    public static readonly ChannelCapabilities Line = new(5000, null, 13, HasProfileApi: true);

    public static ChannelCapabilities For(ChannelKind channel) => channel switch
    {
        ChannelKind.WhatsApp => WhatsApp,
        ChannelKind.Messenger => Messenger,
        ChannelKind.Line => Line,
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, null),
    };
}
