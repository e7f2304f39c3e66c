using Inbox.Core.Channels;

namespace Inbox.Infrastructure.Channels;

internal sealed class ChannelAdapters(IEnumerable<IChannelAdapter> adapters) : IChannelAdapters
{
    private readonly Dictionary<ChannelKind, IChannelAdapter> _byChannel = adapters.ToDictionary(a => a.Channel);

    public IReadOnlyCollection<IChannelAdapter> All => _byChannel.Values;

    public IChannelAdapter Get(ChannelKind channel) =>
        _byChannel.TryGetValue(channel, out var adapter) ? adapter : throw new InvalidOperationException($"No adapter is registered for {channel}.");
}
