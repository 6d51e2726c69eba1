using Marten;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Platform.Abstractions.Security;

namespace Platform.Host.Identity;

/// <summary>
/// Sign-in by cookie (the web page) or bearer token (API clients), chosen per request by the
/// <c>Authorization</c> header; role policies; 401/403 as problem+json instead of redirects.
/// </summary>
internal static class IdentitySetup
{
    public const string Scheme = "platform";

    public static IServiceCollection AddPlatformIdentity(this IServiceCollection services, PlatformSettings settings)
    {
        // Token and cookie protection keys live in the data folder, so sign-ins survive a restart.
        services.AddDataProtection()
            .SetApplicationName("community-platform")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(settings.DataDirectory, "keys")));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<UserDirectory>();
        services.AddSingleton<UserAdministration>();
        services.AddSingleton(new Platform.Abstractions.Web.WebMenuEntry("users", "用户与操作日志", "Users and audit log", "/users.html", 90));
        services.ConfigureMarten(options =>
        {
            options.Events.MapEventType<UserAdded>("platform.user_added");
            options.Events.MapEventType<UserRevised>("platform.user_revised");
            options.Events.MapEventType<UserDisabled>("platform.user_disabled");
            options.Events.MapEventType<UserEnabled>("platform.user_enabled");
            options.Events.MapEventType<UserPasswordReset>("platform.user_password_reset");
        });

        services.AddAuthentication(Scheme)
            .AddPolicyScheme(Scheme, "cookie or bearer", o => o.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? BearerTokenDefaults.AuthenticationScheme
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddBearerToken(o =>
            {
                // Short-lived access tokens; a refresh token (POST /api/auth/refresh) gets a new one while the user's stamp holds.
                o.BearerTokenExpiration = TimeSpan.FromHours(1);
                o.RefreshTokenExpiration = TimeSpan.FromDays(7);
            })
            .AddCookie(o =>
            {
                o.Cookie.Name = "platform.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.Events.OnRedirectToLogin = c => WriteStatusAsync(c.HttpContext, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = c => WriteStatusAsync(c.HttpContext, StatusCodes.Status403Forbidden);
            });

        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, ProblemAuthorizationResults>();
        services.AddAuthorizationBuilder()
            .AddPolicy(PlatformPolicies.Administer, p => p.RequireRole(PlatformRoles.Administrator))
            .AddPolicy(PlatformPolicies.EditCommunityData, p => p.RequireRole(PlatformRoles.Administrator, PlatformRoles.Worker))
            .AddPolicy(PlatformPolicies.ManagePlugins, p => p.RequireRole(PlatformRoles.Administrator, PlatformRoles.Developer))
            .AddPolicy(PlatformPolicies.Staff, p => p.RequireRole(
                PlatformRoles.Administrator, PlatformRoles.Planner, PlatformRoles.Worker, PlatformRoles.Developer))
            .AddPolicy(PlatformPolicies.SignedIn, p => p.RequireAuthenticatedUser());
        return services;
    }

    /// <summary>
    /// After authentication: a cookie or token whose security stamp is no longer its user's (signed out, password
    /// changed) counts as no sign-in at all, and a stale cookie is removed.
    /// </summary>
    public static IApplicationBuilder UseSecurityStampCheck(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            if (http.User.Identity?.IsAuthenticated == true
                && !await http.RequestServices.GetRequiredService<UserDirectory>().IsCurrentAsync(http.User, http.RequestAborted))
            {
                if (http.User.Identity.AuthenticationType == CookieAuthenticationDefaults.AuthenticationScheme)
                    http.Response.Cookies.Delete("platform.auth");
                http.User = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity());
            }
            await next(http);
        });

    private static Task WriteStatusAsync(HttpContext context, int status)
    {
        // No redirect to a login page: API callers and the web page both read the status.
        context.Response.StatusCode = status;
        return Task.CompletedTask;
    }
}
