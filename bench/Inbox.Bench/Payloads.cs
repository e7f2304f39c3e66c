using System.Security.Cryptography;
using System.Text;

namespace Inbox.Bench;

/// <summary>
/// WhatsApp Cloud API text-message webhooks, each with its own wamid (so every one is a new message and a
/// new body hash) from a fixed pool of patients (so conversations collect several messages), signed
/// like Meta signs them. Built up front so the timed phase only sends bytes.
/// </summary>
internal static class Payloads
{
    private static readonly string[] FirstNames = ["Anna", "Wei", "Siti", "Budi", "Maria", "Lukas", "Mei Ling", "Ahmad", "João", "Emily", "Hannah", "Dewi", "Jun", "Aisyah", "Pedro"];
    private static readonly string[] LastNames = ["Müller", "Chen", "Rahman", "Santoso", "Silva", "Schmidt", "Tan", "Ibrahim", "Pereira", "Smith", "Wang", "Lim", "Wijaya", "Costa", "Brown"];
    private static readonly string[] Texts =
    [
        "Hello, can I move my appointment to Thursday?", "Is my blood test report ready?", "Do you accept my insurance card?",
        "What time do you open on Saturday?", "I need to renew my prescription.", "Can the doctor call me back please?",
        "Thank you, see you tomorrow.", "Running 10 minutes late, sorry!",
    ];

    public sealed record Signed(byte[] Body, string Signature);

    public static Signed[] Build(int count, int patients, string phoneNumberId, string appSecret)
    {
        var run = Guid.NewGuid().ToString("N")[..12];
        var key = Encoding.UTF8.GetBytes(appSecret);
        var unix = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var result = new Signed[count];
        Parallel.For(0, count, i =>
        {
            var p = i % patients;
            var waId = (6591000000L + p).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var name = $"{FirstNames[p % FirstNames.Length]} {LastNames[p / FirstNames.Length % LastNames.Length]}";
            var json = $$$"""{"object":"whatsapp_business_account","entry":[{"id":"104982735612490","changes":[{"field":"messages","value":{"messaging_product":"whatsapp","metadata":{"display_phone_number":"15550101234","phone_number_id":"{{{phoneNumberId}}}"},"contacts":[{"profile":{"name":"{{{name}}}"},"wa_id":"{{{waId}}}"}],"messages":[{"from":"{{{waId}}}","id":"wamid.bench.{{{run}}}.{{{i}}}","timestamp":"{{{unix + i / 1000}}}","type":"text","text":{"body":"{{{Texts[i % Texts.Length]}}}"}}]}}]}]}""";
            var body = Encoding.UTF8.GetBytes(json);
            result[i] = new Signed(body, "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(key, body)));
        });
        return result;
    }
}
