using Inbox.Web.Auth;
using Microsoft.AspNetCore.Authentication;

namespace Inbox.Web.Endpoints.Api;

/// <summary>The public API v1 (contract: docs/API.md): bearer API keys, one file per feature, OpenAPI.</summary>
internal static class ApiV1
{
    public const string Prefix = "/api/v1";

    public static IServiceCollection AddApiV1(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder().AddApiPolicies();
        services.ConfigureHttpJsonOptions(o => ApiJson.Configure(o.SerializerOptions));
        services.AddApiOpenApi();
        return services;
    }

    public static IEndpointRouteBuilder MapApiV1(this IEndpointRouteBuilder app)
    {
        // The API's description holds no patient data: clients may read it before they have a key.
        app.MapOpenApi("/openapi/{documentName}.json").AllowAnonymous();

        // Every API route authenticates with a key, never the staff cookie: no key → 401, even on an unknown route.
        var api = app.MapGroup(Prefix).RequireAuthorization(ApiPolicies.AnyKey);
        api.MapContacts();
        api.MapContactMerges();
        api.MapConversations();
        api.MapHandover();
        api.MapConversationWorkflow();
        api.MapAgents();
        api.MapMessages();
        api.MapAudit();
        api.MapReports();
        // An unknown API route answers a problem, not the UI's "not found" page.
        api.MapFallback(() => Results.Problem(title: "There is no such API route.", statusCode: StatusCodes.Status404NotFound))
            .ExcludeFromDescription();
        return app;
    }
}
