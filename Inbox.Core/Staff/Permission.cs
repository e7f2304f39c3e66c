namespace Inbox.Core.Staff;

/// <summary>What a signed-in person (or API key) may do. Pages, hub methods and API endpoints each require one.</summary>
public enum Permission
{
    /// <summary>Read conversations, messages and contacts (patient data).</summary>
    ReadConversations,
    /// <summary>Reply to patients, change status and assignment.</summary>
    ReplyToPatients,
    /// <summary>Take bot-to-human handovers.</summary>
    TakeHandovers,
    /// <summary>Merge and unmerge contacts.</summary>
    MergeContacts,
    /// <summary>See CSAT and performance dashboards.</summary>
    ViewReports,
    /// <summary>Browse the audit log.</summary>
    ViewAudit,
    /// <summary>See every shared inbox's conversations, not only those of one's teams.</summary>
    SeeAllInboxes,
    /// <summary>Connect channels, manage staff, roles, bot flows, templates, retention.</summary>
    Administer,
}
