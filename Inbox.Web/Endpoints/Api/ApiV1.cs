namespace Inbox.Web.Endpoints.Api;

/// <summary>The public API v1 (contract: docs/API.md). Placeholder until the API lands.</summary>
internal static class ApiV1
{
    public static IServiceCollection AddApiV1(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAuthentication();
        services.AddAuthorization();
        return services;
    }

    public static IEndpointRouteBuilder MapApiV1(this IEndpointRouteBuilder app) => app;
}
