namespace Inbox.Core.Conversations;

public enum ConversationStatus { Open, Pending, Snoozed, Resolved }

/// <summary>Who owns the conversation: the bot answers first, people take over.</summary>
public enum HandledBy { Bot, Human }

public enum Priority { Low, Normal, High, Urgent }

public enum MessageDirection { In, Out }

public enum MessageType { Text, Image, Document, Audio, Video, Sticker, Location, Contacts, Interactive, Template, Reaction, System, Unsupported, Note }

public enum AuthorKind { Patient, Bot, Agent, System }
