using Inbox.Core.Channels;

namespace Inbox.Infrastructure.Persistence.Seeding;

/// <summary>
/// Patients of a clinic in an international city: names from several cultures with their countries'
/// E.164 numbers and the messaging apps people there use most. Deterministic for a given seed.
/// </summary>
internal static class DemoPeople
{
    private sealed record Culture(string[] Given, string[] Family, bool FamilyFirst, (string Code, int Digits)[] Countries, (ChannelKind Channel, int Weight)[] Channels);

    private static readonly Culture[] Cultures =
    [
        new(["Emily", "James", "Olivia", "Jack", "Sophie", "Thomas", "Grace", "Oliver", "Chloe", "William"], ["Smith", "Brown", "Wilson", "Taylor", "Johnson", "Walker", "Clarke", "Hughes"], false,
            [("44", 10), ("1", 10), ("61", 9)], [(ChannelKind.WhatsApp, 6), (ChannelKind.Messenger, 4)]),
        new(["Wei", "Mei Ling", "Jun", "Xiu Ying", "Hao", "Li Na", "Jia Hui", "Zhi Hao"], ["Chen", "Wang", "Li", "Zhang", "Liu", "Tan", "Lim", "Ng", "Wong"], true,
            [("852", 8), ("65", 8), ("886", 9), ("86", 11)], [(ChannelKind.WhatsApp, 5), (ChannelKind.Line, 4), (ChannelKind.Messenger, 1)]),
        new(["Siti", "Ahmad", "Nur Aisyah", "Muhammad", "Farah", "Hafiz", "Aminah", "Irfan"], ["Rahman", "Ismail", "Hassan", "Osman", "Yusof", "Abdullah"], false,
            [("60", 9)], [(ChannelKind.WhatsApp, 8), (ChannelKind.Messenger, 2)]),
        new(["Budi", "Dewi", "Agus", "Sri", "Putri", "Rizky", "Wahyu", "Ayu"], ["Santoso", "Wijaya", "Saputra", "Lestari", "Hidayat", "Kusuma", "Pratama"], false,
            [("62", 10)], [(ChannelKind.WhatsApp, 8), (ChannelKind.Messenger, 1), (ChannelKind.Line, 1)]),
        new(["João", "Maria", "Ana", "Pedro", "Beatriz", "Lucas", "Mariana", "Rafael"], ["Silva", "Santos", "Oliveira", "Souza", "Pereira", "Costa", "Ferreira"], false,
            [("55", 11), ("351", 9)], [(ChannelKind.WhatsApp, 8), (ChannelKind.Messenger, 2)]),
        new(["Anna", "Lukas", "Hannah", "Felix", "Lena", "Jonas", "Mia", "Paul"], ["Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Becker", "Wagner"], false,
            [("49", 11)], [(ChannelKind.WhatsApp, 7), (ChannelKind.Messenger, 3)]),
    ];

    // How many patients of each culture, out of 20.
    private static readonly int[] CultureWeights = [5, 5, 3, 3, 2, 2];

    public sealed record Person(string Name, string Phone, ChannelKind Channel);

    /// <summary>Person number <paramref name="n"/>: the number is in the phone digits, so phones (and WhatsApp ids) never repeat.</summary>
    public static Person Create(Random random, int n)
    {
        var culture = Cultures[Pick(random, CultureWeights)];
        var given = culture.Given[random.Next(culture.Given.Length)];
        var family = culture.Family[random.Next(culture.Family.Length)];
        var (code, digits) = culture.Countries[random.Next(culture.Countries.Length)];
        // A mobile-looking leading digit, then the person's number: unique and never starting with 0.
        var phone = "+" + code + random.Next(6, 10).ToString(System.Globalization.CultureInfo.InvariantCulture) + n.ToString("D" + (digits - 1), System.Globalization.CultureInfo.InvariantCulture);
        var channel = culture.Channels[Pick(random, culture.Channels.Select(c => c.Weight).ToArray())].Channel;
        return new Person(culture.FamilyFirst ? $"{family} {given}" : $"{given} {family}", phone, channel);
    }

    private static int Pick(Random random, int[] weights)
    {
        var roll = random.Next(weights.Sum());
        for (var i = 0; i < weights.Length; i++)
        {
            if (roll < weights[i]) return i;
            roll -= weights[i];
        }
        return weights.Length - 1;
    }

    public static readonly string[] PatientTexts =
    [
        "Hello, can I move my appointment to Thursday?", "Is my blood test report ready?", "Do you accept my insurance card?",
        "What time do you open on Saturday?", "I need to renew my prescription for blood pressure tablets.", "Can the doctor call me back please?",
        "Thank you, see you tomorrow.", "Running 10 minutes late, sorry!", "Can I get a copy of my X-ray report?", "Is there parking near the clinic?",
        "My son has a fever since last night, can we come today?", "Does the insurance cover the physiotherapy sessions?", "Ok, 10:30 works for me.",
        "Can you send me the invoice for my insurer?", "Do I need to fast before the blood test?", "Please cancel my appointment next week.",
    ];

    public static readonly string[] HappyComments =
    [
        "Quick and friendly, thank you!", "Got my appointment the same day.", "Very helpful receptionist.",
        "Easy to sort out by chat.", "Thanks for calling me back so fast.",
    ];

    public static readonly string[] UnhappyComments =
    [
        "Waited a long time for an answer.", "Nobody told me the clinic was closed.", "Had to explain everything twice.",
        "The bot did not understand me.", "Still waiting for my results.",
    ];

    public static readonly string[] StaffTexts =
    [
        "Of course. Would Thursday at 10:30 suit you?", "Your report is ready; you can collect it at reception or we can email it.",
        "Yes, we accept it. Please bring the card to your appointment.", "We open from 8:00 to 13:00 on Saturdays.",
        "The doctor will call you this afternoon.", "No problem, see you soon!", "Please fast for 8 hours before the test; water is fine.",
        "Your appointment is cancelled. Let us know when you want a new one.", "We have sent the invoice to your email.",
        "Please come at 16:00 today, the doctor will see him.", "Physiotherapy is covered up to 10 sessions a year by most plans.",
    ];
}
