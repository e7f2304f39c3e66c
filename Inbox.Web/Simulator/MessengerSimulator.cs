using System.Net.Http.Headers;
using System.Text.Json;
using Inbox.Core.Channels;
using Inbox.Infrastructure.Channels.Common;
using Inbox.Infrastructure.Channels.Messenger;
using Inbox.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Inbox.Web.Simulator;

/// <summary>
/// Plays the Messenger Platform: a patient's text as the documented page webhook (`object: page`,
/// `entry[].messaging[]`), signed with the app secret (X-Hub-Signature-256) and posted to <c>/webhooks/messenger</c>.
/// Messenger identifies people by a page-scoped id (PSID) and sends no name or phone: the digits typed as the
/// patient's number serve as the PSID, and the name comes later from the User Profile API (when it is reachable).
/// </summary>
public sealed class MessengerSimulator(
    HttpClient http,
    SelfAddress self,
    IChannelAccountDirectory accounts,
    IServiceScopeFactory scopes,
    TimeProvider clock) : IChannelSimulator
{
    public ChannelKind Channel => ChannelKind.Messenger;

    // The simulator plays a patient writing to the first connected page.
    private MessengerAccount Account => accounts.For(ChannelKind.Messenger).Select(MessengerAccount.From).FirstOrDefault()
        ?? throw new InvalidOperationException("No Facebook page is connected: set Channels:Messenger in configuration.");

    public async Task<IReadOnlyList<SimulatedPatient>> PatientsAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InboxDbContext>();
        var page = Account.PageId;
        var rows = await (
            from identity in db.ChannelIdentities.AsNoTracking()
            join contact in db.Contacts.AsNoTracking() on identity.ContactId equals contact.Id
            where identity.Channel == ChannelKind.Messenger && identity.AccountId == page
            orderby contact.Name
            select new { contact.Name, identity.DisplayName, identity.ExternalId })
            .Take(200).ToListAsync(ct);
        // The page picks patients by "phone": on Messenger that is the PSID.
        return rows.Select(r => new SimulatedPatient(r.DisplayName ?? r.Name, r.ExternalId, r.ExternalId)).ToList();
    }

    public async Task<SimulationResult> SendTextAsync(SimulatedPatient patient, string text, CancellationToken ct)
    {
        var account = Account;
        var psid = string.IsNullOrWhiteSpace(patient.ExternalId) ? patient.Phone : patient.ExternalId;
        var body = JsonSerializer.SerializeToUtf8Bytes(TextWebhook(account.PageId, psid, text));
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(self.Get(), "/webhooks/messenger")) { Content = content };
        request.Headers.TryAddWithoutValidation("X-Hub-Signature-256", MetaSignature.Sign(body, account.AppSecret));

        using var response = await http.SendAsync(request, ct);
        return response.IsSuccessStatusCode
            ? new SimulationResult(true, $"Delivered to /webhooks/messenger ({(int)response.StatusCode}) from PSID {psid}. It appears in the inbox in a moment; Messenger sends no name, so the patient is named once the User Profile API answers.")
            : new SimulationResult(false, $"The webhook was refused: {(int)response.StatusCode} {await ReadTitleAsync(response, ct)}");
    }

    /// <summary>The page webhook for one text message, in the shape Meta documents (see Inbox.Tests/Fixtures/messenger).</summary>
    private object TextWebhook(string pageId, string psid, string text)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        return new
        {
            @object = "page",
            entry = new[]
            {
                new
                {
                    id = pageId,
                    time = now,
                    messaging = new[]
                    {
                        new
                        {
                            sender = new { id = psid },
                            recipient = new { id = pageId },
                            timestamp = now,
                            message = new { mid = "m_SIM" + Guid.NewGuid().ToString("N"), text },
                        },
                    },
                },
            },
        };
    }

    private static async Task<string> ReadTitleAsync(HttpResponseMessage response, CancellationToken ct)
    {
        var text = await response.Content.ReadAsStringAsync(ct);
        try { return JsonDocument.Parse(text).RootElement.GetProperty("title").GetString() ?? ""; }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or InvalidOperationException) { return text.Length > 200 ? text[..200] : text; }
    }
}
