using System.Text.Json;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Inbox.Infrastructure.Persistence.Configurations;

/// <summary>Stores a small value object as JSON text (camelCase), the same on both providers.</summary>
internal sealed class JsonValueConverter<T>() : ValueConverter<T, string>(
    value => JsonSerializer.Serialize(value, Options),
    json => JsonSerializer.Deserialize<T>(json, Options)!)
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
