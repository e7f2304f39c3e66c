using Microsoft.Extensions.Configuration.Json;
using Microsoft.Extensions.FileProviders;

namespace Inbox.Web.Configuration;

internal static class RepositorySettings
{
    /// <summary>
    /// The customer keeps `appsettings.Development.json` at the repository root; the build copies it beside
    /// the app. It is loaded right after the app's own `appsettings.Development.json`, so user secrets and
    /// environment variables still override it.
    /// </summary>
    public static void AddRepositoryDevelopmentSettings(this WebApplicationBuilder builder)
    {
        if (!builder.Environment.IsDevelopment()) return;
        var sources = builder.Configuration.Sources;
        var envFile = $"appsettings.{builder.Environment.EnvironmentName}.json";
        var index = sources.Select((s, i) => (s, i)).LastOrDefault(x => x.s is JsonConfigurationSource j && j.Path == envFile).i;
        sources.Insert(index + 1, new JsonConfigurationSource
        {
            Path = "appsettings.Development.json",
            FileProvider = new PhysicalFileProvider(AppContext.BaseDirectory),
            Optional = true,
            ReloadOnChange = false,
        });
    }
}
