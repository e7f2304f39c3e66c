using System.Net.Http.Headers;
using System.Text.Json;
using System.Text.Json.Serialization;
using Inbox.Core.Channels;
using Inbox.Infrastructure.Channels.Common;
using Inbox.Infrastructure.Channels.WhatsApp;
using Inbox.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Web.Simulator;

/// <summary>
/// Plays WhatsApp Cloud API: a patient's text message as the documented webhook body, signed with the
/// app secret (X-Hub-Signature-256) and posted to <c>/webhooks/whatsapp</c>, the same path Meta uses.
/// </summary>
public sealed class WhatsAppSimulator(
    HttpClient http,
    SelfAddress self,
    IChannelAccountDirectory accounts,
    IServiceScopeFactory scopes,
    TimeProvider clock) : IChannelSimulator
{
    private static readonly JsonSerializerOptions Json = new() { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public ChannelKind Channel => ChannelKind.WhatsApp;

    // The simulator plays a patient writing to the first connected number.
    private WhatsAppAccount Account => accounts.For(ChannelKind.WhatsApp).Select(WhatsAppAccount.From).FirstOrDefault()
        ?? throw new InvalidOperationException("No WhatsApp number is connected: set Channels:WhatsApp in configuration.");

    public async Task<IReadOnlyList<SimulatedPatient>> PatientsAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InboxDbContext>();
        var account = Account.PhoneNumberId;
        var rows = await (
            from identity in db.ChannelIdentities.AsNoTracking()
            join contact in db.Contacts.AsNoTracking() on identity.ContactId equals contact.Id
            where identity.Channel == ChannelKind.WhatsApp && identity.AccountId == account && identity.Phone != null
            orderby contact.Name
            select new { contact.Name, identity.DisplayName, identity.Phone, identity.ExternalId })
            .Take(200).ToListAsync(ct);
        return rows.Select(r => new SimulatedPatient(r.DisplayName ?? r.Name, r.Phone!, r.ExternalId)).ToList();
    }

    public async Task<SimulationResult> SendTextAsync(SimulatedPatient patient, string text, CancellationToken ct)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(TextWebhook(patient, text), Json);
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(self.Get(), "/webhooks/whatsapp")) { Content = content };
        request.Headers.TryAddWithoutValidation("X-Hub-Signature-256", MetaSignature.Sign(body, Account.AppSecret));

        using var response = await http.SendAsync(request, ct);
        return response.IsSuccessStatusCode
            ? new SimulationResult(true, $"Delivered to /webhooks/whatsapp ({(int)response.StatusCode}). It appears in the inbox in a moment.")
            : new SimulationResult(false, $"The webhook was refused: {(int)response.StatusCode} {await ReadTitleAsync(response, ct)}");
    }

    /// <summary>The Cloud API "messages" webhook, in the shape Meta documents (see Inbox.Tests/Fixtures/whatsapp).</summary>
    private object TextWebhook(SimulatedPatient patient, string text)
    {
        // A BSUID goes in user_id / from_user_id; when the id is just the phone there is none to send.
        var userId = patient.ExternalId != patient.Phone ? patient.ExternalId : null;
        var value = new
        {
            messaging_product = "whatsapp",
            metadata = new { display_phone_number = Account.DisplayPhoneNumber, phone_number_id = Account.PhoneNumberId },
            contacts = new[] { new { profile = new { name = patient.Name }, wa_id = patient.Phone, user_id = userId } },
            messages = new[]
            {
                new
                {
                    from = patient.Phone,
                    from_user_id = userId,
                    id = "wamid.SIM" + Convert.ToBase64String(Guid.NewGuid().ToByteArray()).TrimEnd('='),
                    timestamp = clock.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
                    type = "text",
                    text = new { body = text },
                },
            },
        };
        return new
        {
            @object = "whatsapp_business_account",
            entry = new[] { new { id = "simulated-waba", changes = new[] { new { field = "messages", value } } } },
        };
    }

    private static async Task<string> ReadTitleAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        try { return JsonDocument.Parse(text).RootElement.GetProperty("title").GetString() ?? ""; }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException) { return text.Length > 200 ? text[..200] : text; }
    }
}
