namespace Inbox.Core.Channels;

public static class ChannelNames
{
    /// <summary>The platform's name as patients and staff know it.</summary>
    public static string Display(ChannelKind channel) => channel switch
    {
        ChannelKind.WhatsApp => "WhatsApp",
        ChannelKind.Messenger => "Messenger",
        ChannelKind.Line => "LINE",
        _ => channel.ToString(),
    };

    /// <summary>The lowercase name used in routes and the API.</summary>
    public static string Slug(ChannelKind channel) => channel.ToString().ToLowerInvariant();

    public static bool TryParseSlug(string? slug, out ChannelKind channel) =>
        Enum.TryParse(slug, ignoreCase: true, out channel) && Enum.IsDefined(channel);
}
