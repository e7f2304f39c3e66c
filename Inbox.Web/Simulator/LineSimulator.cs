using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Inbox.Core.Channels;
using Inbox.Infrastructure.Channels.Line;
using Inbox.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Web.Simulator;

/// <summary>
/// Plays the LINE Messaging API: a patient's text message as the documented webhook body (fresh `webhookEventId` and
/// `replyToken`), signed with the channel secret (`x-line-signature`) and posted to <c>/webhooks/line</c>.
/// LINE users have no phone number: the page's digits become a LINE-shaped user id (`U` + the digits, zero-padded),
/// and LINE sends no name (the inbox asks LINE's profile API, which the simulator does not play).
/// </summary>
public sealed class LineSimulator(
    HttpClient http,
    SelfAddress self,
    IChannelAccountDirectory accounts,
    IServiceScopeFactory scopes,
    TimeProvider clock) : IChannelSimulator
{
    // The bot's user id LINE would name as `destination`; a channel's BotUserId when it has one.
    private const string SimulatedBot = "Ua4c123b1612dd272d1371c17149d4395";

    public ChannelKind Channel => ChannelKind.Line;

    // The simulator plays a patient writing to the first connected LINE channel.
    private LineAccount Account => accounts.For(ChannelKind.Line).Select(LineAccount.From).FirstOrDefault()
        ?? throw new InvalidOperationException("No LINE channel is connected: set Channels:Line:ChannelSecret in configuration.");

    public async Task<IReadOnlyList<SimulatedPatient>> PatientsAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InboxDbContext>();
        var account = Account.ChannelId;
        var rows = await (
            from identity in db.ChannelIdentities.AsNoTracking()
            join contact in db.Contacts.AsNoTracking() on identity.ContactId equals contact.Id
            where identity.Channel == ChannelKind.Line && identity.AccountId == account
            orderby contact.Name
            select new { contact.Name, identity.DisplayName, identity.ExternalId })
            .Take(200).ToListAsync(ct);
        return rows.Select(r => new SimulatedPatient(r.DisplayName ?? r.Name, DigitsOf(r.ExternalId), r.ExternalId)).ToList();
    }

    public async Task<SimulationResult> SendTextAsync(SimulatedPatient patient, string text, CancellationToken ct)
    {
        var account = Account;
        var body = JsonSerializer.SerializeToUtf8Bytes(TextWebhook(account, UserIdOf(patient), text));
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(self.Get(), "/webhooks/line")) { Content = content };
        request.Headers.TryAddWithoutValidation("x-line-signature", LineSignature.Sign(body, account.ChannelSecret));

        using var response = await http.SendAsync(request, ct);
        return response.IsSuccessStatusCode
            ? new SimulationResult(true, $"Delivered to /webhooks/line ({(int)response.StatusCode}). It appears in the inbox in a moment; LINE sends no name, so a new patient is named from LINE's profile API when it answers.")
            : new SimulationResult(false, $"The webhook was refused: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
    }

    /// <summary>The Messaging API webhook with one text message event (see Inbox.Tests/Fixtures/line).</summary>
    private object TextWebhook(LineAccount account, string userId, string text)
    {
        var now = clock.GetUtcNow();
        return new
        {
            destination = account.BotUserId ?? SimulatedBot,
            events = new[]
            {
                new
                {
                    type = "message",
                    message = new
                    {
                        type = "text",
                        id = RandomNumberGenerator.GetInt32(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture)
                             + RandomNumberGenerator.GetInt32(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture),
                        quoteToken = Convert.ToBase64String(RandomNumberGenerator.GetBytes(30)).Replace('+', '-').Replace('/', '_'),
                        text,
                    },
                    webhookEventId = NewUlid(now),
                    deliveryContext = new { isRedelivery = false },
                    timestamp = now.ToUnixTimeMilliseconds(),
                    source = new { type = "user", userId },
                    replyToken = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)),
                    mode = "active",
                },
            },
        };
    }

    /// <summary>A known patient keeps their LINE id; new digits become `U` + the digits zero-padded to 32.</summary>
    internal static string UserIdOf(SimulatedPatient patient) =>
        patient.ExternalId is { Length: 33 } id && id[0] == 'U' && id.Skip(1).All(char.IsAsciiHexDigitLower) ? id
            : "U" + new string(patient.Phone.Where(char.IsAsciiDigit).ToArray()).PadLeft(32, '0');

    /// <summary>The digits the page shows for a LINE patient: those the id was made from, or a stable number from a real id.</summary>
    internal static string DigitsOf(string userId)
    {
        var hex = userId.Length == 33 ? userId[1..] : userId;
        if (hex.All(char.IsAsciiDigit) && hex.TrimStart('0') is { Length: >= 7 and <= 15 } digits) return digits;
        var tail = hex.Length >= 12 ? hex[^12..] : hex.PadLeft(12, '0');
        return long.TryParse(tail, NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var n) ? n.ToString(CultureInfo.InvariantCulture).PadLeft(7, '0') : "0000000";
    }

    /// <summary>A ULID (what LINE's `webhookEventId` is): 48-bit millisecond time and 80 random bits, Crockford Base32.</summary>
    private static string NewUlid(DateTimeOffset at)
    {
        const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
        Span<byte> bytes = stackalloc byte[16];
        var ms = at.ToUnixTimeMilliseconds();
        for (var i = 0; i < 6; i++) bytes[i] = (byte)(ms >> (8 * (5 - i)));
        RandomNumberGenerator.Fill(bytes[6..]);
        var value = new UInt128(System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes), System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]));
        Span<char> chars = stackalloc char[26];
        for (var i = 25; i >= 0; i--)
        {
            chars[i] = Alphabet[(int)(value & 31)];
            value >>= 5;
        }
        return new string(chars);
    }
}
