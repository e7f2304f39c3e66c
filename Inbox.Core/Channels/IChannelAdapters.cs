namespace Inbox.Core.Channels;

/// <summary>Finds the adapter for a channel; the registered adapters are the channels Inbox supports.</summary>
public interface IChannelAdapters
{
    IChannelAdapter Get(ChannelKind channel);

    IReadOnlyCollection<IChannelAdapter> All { get; }
}
