namespace Inbox.Core.Audit;

/// <summary>
/// The actions the audit log records, each with the words the audit screen shows for it. New actions go
/// here so the screen can offer them as a filter; an action missing here still shows under its raw name.
/// </summary>
public static class AuditActions
{
    public const string SignInSucceeded = "signin.succeeded";
    public const string SignInFailed = "signin.failed";
    public const string SignInLockedOut = "signin.locked-out";
    public const string SignOut = "signout";
    public const string ConversationList = "conversation.list";
    public const string ConversationRead = "conversation.read";
    public const string MessagesRead = "conversation.messages.read";
    public const string MessageSend = "conversation.message.send";
    public const string MessageRetry = "conversation.message.retry";
    public const string ContactList = "contact.list";
    public const string ContactRead = "contact.read";
    public const string ContactUpdate = "contact.update";
    public const string ContactDuplicatesRead = "contact.duplicates.read";
    public const string ContactMerge = "contact.merge";
    public const string ContactUnmerge = "contact.unmerge";
    public const string ContactNotDuplicate = "contact.duplicates.dismiss";
    public const string ApiKeyCreate = "apikey.create";
    public const string ApiKeyRevoke = "apikey.revoke";
    public const string Handover = "conversation.handover";
    public const string HandoverTake = "conversation.take";
    public const string Handback = "conversation.handback";
    public const string BotFlowSave = "bot.flow.save";
    public const string BotEnable = "bot.enable";
    public const string BotDisable = "bot.disable";
    public const string AppointmentDecide = "appointment.decide";
    public const string NoteAdd = "conversation.note.add";
    public const string Search = "search";
    public const string MentionList = "mention.list";
    public const string ConversationResolve = "conversation.resolve";
    public const string ConversationReopen = "conversation.reopen";
    public const string ConversationStatusChange = "conversation.status.change";
    public const string ConversationPriorityChange = "conversation.priority.change";
    public const string ConversationAssign = "conversation.assign";
    public const string ConversationLabelsChange = "conversation.labels.change";
    public const string LabelCreate = "label.create";
    public const string LabelChange = "label.change";
    public const string LabelDelete = "label.delete";
    public const string InboxSettingsChange = "inbox.settings.change";
    public const string ReportDrill = "report.drill";
    public const string ReportComments = "report.comments";
    public const string ReportExport = "report.export";

    private static readonly Dictionary<string, string> Descriptions = new()
    {
        [SignInSucceeded] = "Signed in",
        [SignInFailed] = "Sign-in failed",
        [SignInLockedOut] = "Sign-in refused: account locked",
        [SignOut] = "Signed out",
        [ConversationList] = "Listed conversations",
        [ConversationRead] = "Opened a conversation",
        [MessagesRead] = "Read a conversation's messages",
        [MessageSend] = "Sent a reply",
        [MessageRetry] = "Retried a failed reply",
        [ContactList] = "Listed patients",
        [ContactRead] = "Viewed a patient's details",
        [ContactUpdate] = "Changed a patient's details",
        [ContactDuplicatesRead] = "Looked for a patient's duplicates",
        [ContactMerge] = "Merged two patients",
        [ContactUnmerge] = "Undid a merge of two patients",
        [ContactNotDuplicate] = "Marked two patients as different people",
        [ApiKeyCreate] = "Created an API key",
        [ApiKeyRevoke] = "Revoked an API key",
        [Handover] = "Handed a conversation over to people",
        [HandoverTake] = "Took a conversation",
        [Handback] = "Handed a conversation back to the bot",
        [BotFlowSave] = "Saved a new bot flow version",
        [BotEnable] = "Switched an inbox's bot on",
        [BotDisable] = "Switched an inbox's bot off",
        [AppointmentDecide] = "Confirmed or declined an appointment request",
        [NoteAdd] = "Wrote a private note",
        [Search] = "Searched patients and messages",
        [MentionList] = "Opened the notes that mention them",
        [ReportDrill] = "Opened the conversations behind a report figure",
        [ReportComments] = "Read patients' survey ratings and comments",
        [ReportExport] = "Exported a report table",
        ["canned.create"] = "Added a canned reply",
        ["canned.change"] = "Changed a canned reply",
        ["canned.delete"] = "Deleted a canned reply",
        [ConversationResolve] = "Resolved a conversation",
        [ConversationReopen] = "Reopened a conversation",
        [ConversationStatusChange] = "Changed a conversation's status",
        [ConversationPriorityChange] = "Changed a conversation's priority",
        [ConversationAssign] = "Assigned a conversation",
        [ConversationLabelsChange] = "Changed a conversation's labels",
        [LabelCreate] = "Added a label",
        [LabelChange] = "Changed a label",
        [LabelDelete] = "Deleted a label",
        [InboxSettingsChange] = "Changed an inbox's assignment settings",
        ["signin.2fa.required"] = "Password right, two-factor code asked",
        ["signin.2fa.failed"] = "Two-factor code wrong",
        ["signin.2fa.recovery-code"] = "Signed in with a recovery code",
        ["signin.disabled"] = "Sign-in refused: account disabled",
        ["staff.create"] = "Added a staff member",
        ["staff.role.change"] = "Changed a staff member's role",
        ["staff.password.reset"] = "Reset a staff member's password",
        ["staff.password.change"] = "Changed their password",
        ["staff.lock"] = "Locked a staff account",
        ["staff.unlock"] = "Unlocked a staff account",
        ["staff.disable"] = "Disabled a staff account",
        ["staff.enable"] = "Enabled a staff account",
        ["staff.2fa.enabled"] = "Turned on two-factor sign-in",
        ["staff.2fa.disabled"] = "Turned off two-factor sign-in",
        ["channel.connect"] = "Connected a channel account",
        ["channel.disconnect"] = "Disconnected a channel account",
        ["channel.reconnect"] = "Reconnected a channel account",
        ["channel.inbox.change"] = "Moved a channel account to another inbox",
        ["inbox.create"] = "Added a shared inbox",
        ["team.create"] = "Added a team",
        ["team.change"] = "Changed a team's members or inboxes",
        ["contact.update"] = "Changed a patient's details",
        ["contact.duplicates.read"] = "Viewed duplicate suggestions",
        ["media.read"] = "Opened an attachment",
        ["template.create"] = "Added a WhatsApp template",
        ["template.activate"] = "Offered a WhatsApp template again",
        ["template.deactivate"] = "Stopped offering a WhatsApp template",
    };

    public static IReadOnlyCollection<string> Known => Descriptions.Keys;

    /// <summary>"Opened a conversation" for "conversation.read"; the raw name for an action not listed here.</summary>
    public static string Describe(string action) => Descriptions.GetValueOrDefault(action, action);
}

/// <summary>The kinds of record audit entries name as their subject.</summary>
public static class AuditSubjects
{
    public const string Conversation = "conversation";
    public const string Contact = "contact";
    public const string Staff = "staff";
    public const string ApiKey = "apiKey";
    public const string ChannelAccount = "channelAccount";
    public const string Team = "team";
    public const string SharedInbox = "sharedInbox";
    public const string Message = "message";
    public const string Template = "template";
    public const string AppointmentRequest = "appointmentRequest";
    public const string CannedReply = "cannedReply";
    /// <summary>A dashboard table as a whole (an export of figures without patient data); the id is the table's name.</summary>
    public const string Report = "report";
    public const string Label = "label";

    public static IReadOnlyList<string> Known { get; } = [Conversation, Contact, Staff, ApiKey, ChannelAccount, Team, SharedInbox, Message, Template, AppointmentRequest, CannedReply, Label];
}
