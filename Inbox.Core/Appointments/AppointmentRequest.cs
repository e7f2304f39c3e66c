using Inbox.Core.Common;

namespace Inbox.Core.Appointments;

public enum AppointmentRequestStatus { Requested, Confirmed, Declined }

/// <summary>
/// What the bot collected for a booking; staff confirm or decline it from the thread. Keyed by ContactId
/// (contact merge moves it) and the conversation it came from.
/// </summary>
public sealed class AppointmentRequest : Entity
{
    public const int TextMax = 200;

    private AppointmentRequest() { }

    public AppointmentRequest(Guid contactId, Guid conversationId, string service, string preferredTime, string patientName, DateOnly dateOfBirth, DateTimeOffset at)
    {
        ContactId = contactId;
        ConversationId = conversationId;
        Service = Clip(service);
        PreferredTime = Clip(preferredTime);
        PatientName = Clip(patientName);
        DateOfBirth = dateOfBirth;
        CreatedAt = at;
        Status = AppointmentRequestStatus.Requested;
    }

    public Guid ContactId { get; private set; }
    public Guid ConversationId { get; private set; }
    public string Service { get; private set; } = "";
    public string PreferredTime { get; private set; } = "";
    public string PatientName { get; private set; } = "";
    public DateOnly DateOfBirth { get; private set; }
    public AppointmentRequestStatus Status { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public string? DecidedById { get; private set; }
    public DateTimeOffset? DecidedAt { get; private set; }

    public void Decide(bool confirm, string staffId, DateTimeOffset at)
    {
        if (Status != AppointmentRequestStatus.Requested) throw new InboxDomainException("This request has already been answered.");
        Status = confirm ? AppointmentRequestStatus.Confirmed : AppointmentRequestStatus.Declined;
        DecidedById = staffId;
        DecidedAt = at;
    }

    private static string Clip(string value) => value.Trim() is var v && v.Length > TextMax ? v[..TextMax] : value.Trim();
}
