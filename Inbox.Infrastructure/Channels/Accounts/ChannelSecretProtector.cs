using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Inbox.Infrastructure.Channels.Accounts;

/// <summary>
/// Encrypts the settings of accounts connected on the admin screen with ASP.NET Data Protection, so the database
/// never holds a token or secret in clear. The keys live outside the database (see DataProtection:KeysPath).
/// </summary>
public sealed class ChannelSecretProtector(IDataProtectionProvider provider)
{
    private readonly IDataProtector _protector = provider.CreateProtector("Inbox.ChannelAccounts.Settings.v1");

    public string Protect(IReadOnlyDictionary<string, string> values) => _protector.Protect(JsonSerializer.Serialize(values));

    public Dictionary<string, string> Unprotect(string protectedValues) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(_protector.Unprotect(protectedValues)) ?? [];
}
