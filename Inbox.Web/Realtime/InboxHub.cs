using Inbox.Web.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace Inbox.Web.Realtime;

/// <summary>
/// The SignalR hub scripts and other instances listen on (`/hubs/inbox`). Blazor pages in this process
/// get the same changes straight from <see cref="InboxChangeFeed"/>; with a Redis backplane every
/// instance's feed is fed from here. It carries patient data, so connecting needs <see cref="Policies.ReadConversations"/>;
/// a method added here carries its own policy too (AuthorizationMatrixTests checks both).
/// </summary>
[Authorize(Policy = Policies.ReadConversations)]
public sealed class InboxHub : Hub
{
    public const string Route = "/hubs/inbox";
    public const string ChangesMethod = "changes";
}
