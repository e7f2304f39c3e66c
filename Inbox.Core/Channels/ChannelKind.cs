namespace Inbox.Core.Channels;

/// <summary>The messaging platforms a clinic can connect.</summary>
public enum ChannelKind
{
    WhatsApp,
    Messenger,
    Line,
}
