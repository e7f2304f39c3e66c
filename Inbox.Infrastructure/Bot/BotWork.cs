using Inbox.Infrastructure.Jobs;

namespace Inbox.Infrastructure.Bot;

/// <summary>Patient messages for the bot were committed.</summary>
public sealed class BotWork : WorkSignal;
