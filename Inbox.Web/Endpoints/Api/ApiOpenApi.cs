using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Inbox.Web.Endpoints.Api;

/// <summary>The OpenAPI document at /openapi/v1.json: API v1 only, with the bearer key described.</summary>
internal static class ApiOpenApi
{
    private const string SchemeId = "Bearer";

    public static IServiceCollection AddApiOpenApi(this IServiceCollection services) =>
        services.AddOpenApi("v1", o =>
        {
            // Webhooks, the SignalR hub and UI pages are not part of the public contract.
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/v1/", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer(DescribeBearerKey);
        });

    private static Task DescribeBearerKey(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken ct)
    {
        document.Info.Title = "Inbox API";
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeId] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An API key created by an admin: `Authorization: Bearer <key>`.",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeId, document)] = [] });
        return Task.CompletedTask;
    }
}
