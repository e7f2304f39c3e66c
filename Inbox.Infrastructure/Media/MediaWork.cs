using Inbox.Infrastructure.Jobs;

namespace Inbox.Infrastructure.Media;

/// <summary>An inbound message with an attachment was stored: wake the media fetcher.</summary>
public sealed class MediaWork : WorkSignal;
