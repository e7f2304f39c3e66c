using Inbox.Core.Staff;

namespace Inbox.Web.Auth;

/// <summary>One authorization policy per permission, named after it: `[Authorize(Policy = Policies.ViewReports)]`.</summary>
internal static class Policies
{
    public const string ReadConversations = nameof(Permission.ReadConversations);
    public const string ReplyToPatients = nameof(Permission.ReplyToPatients);
    public const string TakeHandovers = nameof(Permission.TakeHandovers);
    public const string MergeContacts = nameof(Permission.MergeContacts);
    public const string ViewReports = nameof(Permission.ViewReports);
    public const string ViewAudit = nameof(Permission.ViewAudit);
    public const string Administer = nameof(Permission.Administer);
}
