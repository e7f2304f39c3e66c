using Inbox.Core.Channels;
using Inbox.Web.Simulator;
using Microsoft.AspNetCore.Components;

namespace Inbox.Web.Components.Pages.Simulator;

/// <summary>The channel simulator page: Development only, a 404 everywhere else.</summary>
public partial class SimulatorPage : ComponentBase
{
    private static readonly Dictionary<string, object> ResultAttributes = new() { ["data-testid"] = "sim-result", ["role"] = "status" };

    private Dictionary<ChannelKind, IChannelSimulator>? _simulators;
    private IReadOnlyList<SimulatedPatient> _patients = [];
    private ChannelKind _channel;
    private string? _pickedPhone;
    private string? _name;
    private string? _phone;
    private string? _text;
    private bool _sending;
    private bool _ok;
    private string? _result;

    [Inject] private IWebHostEnvironment Environment { get; set; } = null!;
    [Inject] private NavigationManager Navigation { get; set; } = null!;
    [Inject] private IServiceProvider Services { get; set; } = null!;
    [Inject] private IChannelAdapters Adapters { get; set; } = null!;

    protected override async Task OnInitializedAsync()
    {
        // The simulators are registered only in Development; anywhere else this page does not exist.
        if (!Environment.IsDevelopment())
        {
            Navigation.NotFound();
            return;
        }
        _simulators = Services.GetServices<IChannelSimulator>()
            .Where(s => Adapters.All.Any(a => a.Channel == s.Channel))
            .ToDictionary(s => s.Channel);
        if (_simulators.Count == 0) return;
        _channel = _simulators.Keys.Min();
        _patients = await _simulators[_channel].PatientsAsync(CancellationToken.None);
    }

    private static Dictionary<string, object> Attributes(string testId) => new() { ["data-testid"] = testId };

    // Each channel has its own patients (its own ids): switching reloads the list.
    private async Task ChannelChangedAsync(ChannelKind channel)
    {
        _channel = channel;
        _pickedPhone = null;
        _patients = _simulators is not null && _simulators.TryGetValue(channel, out var simulator)
            ? await simulator.PatientsAsync(CancellationToken.None)
            : [];
    }

    private void Pick(string? phone)
    {
        _pickedPhone = phone;
        if (_patients.FirstOrDefault(p => p.Phone == phone) is not { } patient) return;
        _name = patient.Name;
        _phone = patient.Phone;
    }

    private async Task SendAsync()
    {
        if (_simulators is null || !_simulators.TryGetValue(_channel, out var simulator)) return;
        var digits = new string((_phone ?? "").Where(char.IsAsciiDigit).ToArray());
        // Writing as a known patient reuses their platform id (a Messenger PSID is longer than a phone number);
        // a new number becomes a new patient.
        var known = _patients.FirstOrDefault(p => p.Phone == digits);
        if (string.IsNullOrWhiteSpace(_name) || (known is null && digits.Length is < 7 or > 15) || string.IsNullOrWhiteSpace(_text))
        {
            (_ok, _result) = (false, "Fill in a name, a phone number of 7 to 15 digits with its country code, and a message.");
            return;
        }
        var patient = new SimulatedPatient(_name.Trim(), digits, known?.ExternalId ?? digits);

        _sending = true;
        try
        {
            var result = await simulator.SendTextAsync(patient, _text, CancellationToken.None);
            (_ok, _result) = (result.Accepted, result.Summary);
            if (result.Accepted)
            {
                _text = "";
                _patients = await simulator.PatientsAsync(CancellationToken.None);
            }
        }
        catch (HttpRequestException ex)
        {
            (_ok, _result) = (false, $"Could not reach this app's webhook: {ex.Message}");
        }
        finally { _sending = false; }
    }
}
