using System.Text.Json;
using System.Text.Json.Serialization;

namespace Inbox.Web.Endpoints.Api;

/// <summary>The API's JSON: camelCase fields (the web default) and enums as lowercase strings ("whatsapp", "open").</summary>
internal static class ApiJson
{
    public static void Configure(JsonSerializerOptions options) =>
        options.Converters.Add(new JsonStringEnumConverter(new LowercaseNamingPolicy(), allowIntegerValues: false));

    // camelCase would give "whatsApp"; the contract's values are all one lowercase word.
    private sealed class LowercaseNamingPolicy : JsonNamingPolicy
    {
        public override string ConvertName(string name) => name.ToLowerInvariant();
    }
}
