using Microsoft.AspNetCore.SignalR;

namespace Inbox.Web.Realtime;

/// <summary>
/// The SignalR hub scripts and other instances listen on (`/hubs/inbox`). Blazor pages in this process
/// get the same changes straight from <see cref="InboxChangeFeed"/>; with a Redis backplane every
/// instance's feed is fed from here.
/// </summary>
public sealed class InboxHub : Hub
{
    public const string Route = "/hubs/inbox";
    public const string ChangesMethod = "changes";
}
