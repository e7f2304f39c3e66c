namespace Inbox.Core.Conversations;

/// <summary>A place shared in a message (patient's location or the clinic's address).</summary>
public sealed record MessageLocation(double Latitude, double Longitude, string? Name = null, string? Address = null)
{
    /// <summary>A map link staff and patients can open anywhere; no map tiles are embedded.</summary>
    public string MapUrl => FormattableString.Invariant($"https://www.openstreetmap.org/?mlat={Latitude:0.######}&mlon={Longitude:0.######}#map=17/{Latitude:0.######}/{Longitude:0.######}");
}

/// <summary>A contact card a patient shared (WhatsApp `contacts` messages).</summary>
public sealed record SharedContact(string Name, IReadOnlyList<string> Phones);

/// <summary>One choice offered to the patient: a reply button, list row or quick reply.</summary>
/// <param name="Id">Comes back in <see cref="Channels.InboundChoice.Id"/> when tapped.</param>
public sealed record MessageChoice(string Id, string Title);
