using Microsoft.AspNetCore.Components.Server.Circuits;

namespace Inbox.Web.Realtime;

internal static class LiveComponentsRegistration
{
    /// <summary>What <see cref="LiveComponentBase"/> needs: per-call scopes and the circuit's reconnect signal.</summary>
    public static IServiceCollection AddLiveComponents(this IServiceCollection services)
    {
        services.AddSingleton<ScopedServices>();
        services.AddScoped<CircuitConnection>();
        services.AddScoped<CircuitHandler>(sp => sp.GetRequiredService<CircuitConnection>());
        return services;
    }
}
