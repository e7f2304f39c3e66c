namespace Inbox.Core.Staff;

public enum PresenceStatus { Online, Away, Offline }

/// <summary>What a person chose in the app bar's menu: follow their activity, or say away / offline whatever they do.</summary>
public enum PresenceChoice { Automatic, Away, Offline }

/// <summary>
/// Who is at their desk: set by the person (<see cref="PresenceChoice"/>) and by activity (an open, recently
/// used inbox page is online; open but idle is away; none open is offline). Round-robin gives work only to online people.
/// </summary>
public interface IStaffPresence
{
    PresenceStatus Of(string staffId);

    PresenceChoice ChoiceOf(string staffId);

    void Choose(string staffId, PresenceChoice choice);
}
