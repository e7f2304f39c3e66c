using Inbox.Core.Channels;

namespace Inbox.Web.Simulator;

/// <summary>A patient the simulator can write as: their name and their id on the channel.</summary>
/// <param name="Phone">Digits only, as the platform sends them (WhatsApp wa_id).</param>
/// <param name="ExternalId">The id the platform uses for them; for WhatsApp the BSUID when known, else the phone.</param>
public sealed record SimulatedPatient(string Name, string Phone, string ExternalId);

public sealed record SimulationResult(bool Accepted, string Summary);

/// <summary>
/// Plays a messaging platform in Development: builds the webhook the platform would send, signs it as
/// the platform does and posts it to this app's real webhook endpoint. One implementation per channel.
/// </summary>
public interface IChannelSimulator
{
    ChannelKind Channel { get; }

    /// <summary>Patients who already wrote on this channel, to write as them again.</summary>
    Task<IReadOnlyList<SimulatedPatient>> PatientsAsync(CancellationToken ct);

    Task<SimulationResult> SendTextAsync(SimulatedPatient patient, string text, CancellationToken ct);
}
