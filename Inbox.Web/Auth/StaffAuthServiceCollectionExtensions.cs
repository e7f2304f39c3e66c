using Inbox.Core.Staff;
using Inbox.Infrastructure.Identity;
using Inbox.Infrastructure.Persistence;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;

namespace Inbox.Web.Auth;

internal static class StaffAuthServiceCollectionExtensions
{
    /// <summary>Staff sign-in (ASP.NET Core Identity, cookie tied to a server-side session) and permission policies.</summary>
    public static IServiceCollection AddStaffAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.Section);
        var security = configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>() ?? new SecurityOptions();

        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, SessionRevalidatingAuthenticationStateProvider>();
        services.AddScoped<StaffSessions>();
        services.AddScoped<ICallerInboxScope, CircuitInboxScope>();
        services.AddScoped<StaffDirectory>();
        services.AddScoped<AccountSecurity>();
        services.AddSingleton<FirstRunSetup>();
        services.AddSingleton<StaffCookieEvents>();

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = IdentityConstants.ApplicationScheme;
                o.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies(cookies => cookies.ApplicationCookie!.Configure(o =>
            {
                o.Cookie.Name = "inbox.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                // The cookie may live as long as the absolute limit; the server-side session decides idleness.
                o.ExpireTimeSpan = security.AbsoluteSessionLimit;
                o.SlidingExpiration = false;
                o.LoginPath = "/account/login";
                o.LogoutPath = "/account/logout";
                o.AccessDeniedPath = "/account/access-denied";
                o.EventsType = typeof(StaffCookieEvents);
            }));
        // Refreshing the principal (security stamp check) must keep the session it belongs to.
        services.Configure<SecurityStampValidatorOptions>(o => o.OnRefreshingPrincipal = ctx =>
        {
            if (ctx.NewPrincipal?.Identity is not System.Security.Claims.ClaimsIdentity identity) return Task.CompletedTask;
            foreach (var type in new[] { SessionClaims.SessionId, StaffClaims.SignInIp })
                if (ctx.CurrentPrincipal?.FindFirst(type) is { } claim) identity.AddClaim(new System.Security.Claims.Claim(type, claim.Value));
            return Task.CompletedTask;
        });

        services.AddIdentityCore<StaffUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                o.Password.RequiredLength = 12;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequireUppercase = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireDigit = true;
                o.Lockout.MaxFailedAccessAttempts = security.MaxFailedAccessAttempts;
                o.Lockout.DefaultLockoutTimeSpan = security.LockoutDuration;
                o.Lockout.AllowedForNewUsers = true;
                // "Confirmed" here means "not disabled by an admin" (EnabledStaffConfirmation), checked before every sign-in.
                o.SignIn.RequireConfirmedAccount = true;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<InboxDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<StaffClaimsPrincipalFactory>()
            .AddDefaultTokenProviders()
            // After the defaults: replaces their authenticator provider with one on the app's clock that refuses a replayed code.
            .AddTokenProvider<TimedAuthenticatorTokenProvider>(TokenOptions.DefaultAuthenticatorProvider);
        services.AddScoped<IUserConfirmation<StaffUser>, EnabledStaffConfirmation>();

        services.AddAuthorization(o =>
        {
            foreach (var permission in Enum.GetValues<Permission>())
                o.AddPolicy(permission.ToString(), p => p.RequireRole(RolePermissions.RolesWith(permission).Select(r => r.ToString())));
            // Everything needs a signed-in person unless it says otherwise (webhooks, health, sign-in pages, assets).
            o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        });
        return services;
    }
}
