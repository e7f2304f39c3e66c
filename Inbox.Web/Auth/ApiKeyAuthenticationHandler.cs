using System.Security.Claims;
using System.Text.Encodings.Web;
using Inbox.Infrastructure.Auth;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Inbox.Web.Auth;

/// <summary>
/// Scheme "ApiKey": `Authorization: Bearer &lt;key&gt;`. Challenges and refusals answer with problem
/// details so API clients never get the HTML error pages the UI uses.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IApiKeyVerifier verifier)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    private const string Bearer = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (string.IsNullOrEmpty(header)) return AuthenticateResult.NoResult();
        if (!header.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.Fail("The Authorization header is not a bearer key.");

        var caller = await verifier.VerifyAsync(header[Bearer.Length..].Trim(), Context.RequestAborted);
        if (caller is null)
        {
            // Never the key itself: a near miss would still be a secret.
            Logger.LogWarning("API request refused: unknown or revoked key from {Ip}", Context.Connection.RemoteIpAddress);
            return AuthenticateResult.Fail("The API key is unknown or revoked.");
        }

        Claim[] claims =
        [
            new(ClaimTypes.NameIdentifier, ApiCallers.IdFor(caller.KeyName)),
            new(ClaimTypes.Name, caller.KeyName),
            new(ClaimTypes.Role, caller.Role.ToString()),
        ];
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.Headers.WWWAuthenticate = "Bearer";
        var detail = result.Failure?.Message ?? "Send an API key as `Authorization: Bearer <key>`.";
        await Results.Problem(title: "A valid API key is required.", detail: detail, statusCode: StatusCodes.Status401Unauthorized).ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Results.Problem(title: "This API key's role may not do this.", statusCode: StatusCodes.Status403Forbidden).ExecuteAsync(Context);
}
