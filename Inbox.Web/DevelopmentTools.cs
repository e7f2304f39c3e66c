namespace Inbox.Web;

/// <summary>Development-only helpers: the channel simulator. Nothing here exists outside Development.</summary>
internal static class DevelopmentTools
{
    public static IServiceCollection AddDevelopmentTools(this IServiceCollection services, IWebHostEnvironment environment) => services;

    public static WebApplication MapDevelopmentTools(this WebApplication app) => app;
}
