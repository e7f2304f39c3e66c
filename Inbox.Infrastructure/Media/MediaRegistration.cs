using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Inbox.Infrastructure.Media;

internal static class MediaRegistration
{
    /// <summary>Inbound attachments: the local file store, the rules and the background fetcher.</summary>
    public static IServiceCollection AddMedia(this IServiceCollection services, string contentRoot)
    {
        services.AddOptions<MediaOptions>().BindConfiguration(MediaOptions.Section);
        services.AddSingleton<IMediaStore>(sp => new LocalFileMediaStore(sp.GetRequiredService<IOptions<MediaOptions>>(), contentRoot));
        services.AddSingleton<MediaIntake>();
        services.AddSingleton<MediaWork>();
        services.AddHostedService<MediaFetcher>();
        return services;
    }
}
