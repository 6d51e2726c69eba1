using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Http;
using Platform.Abstractions.Security;

namespace Platform.Host.Identity;

/// <summary><c>/api/auth</c>: sign in (token and cookie), sign out, who am I.</summary>
internal static class AuthEndpoints
{
    public sealed record LoginRequest(string? Username, string? Password);

    public static void MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth");

        auth.MapPost("/login", async (HttpContext http, UserDirectory users) =>
        {
            LoginRequest? body;
            try
            {
                body = await http.Request.ReadFromJsonAsync<LoginRequest>();
            }
            catch (JsonException)
            {
                return ProblemResults.Problem(400, "body", "The body must be JSON: {\"username\":…,\"password\":…}.", "请求内容须为 JSON。");
            }
            if (string.IsNullOrWhiteSpace(body?.Username))
                return ProblemResults.Problem(400, "username", "The user name is missing.", "缺少用户名。");
            if (string.IsNullOrEmpty(body.Password))
                return ProblemResults.Problem(400, "password", "The password is missing.", "缺少密码。");

            var outcome = await users.SignInAsync(body.Username, body.Password, http.RequestAborted);
            switch (outcome.Status)
            {
                case UserDirectory.SignInStatus.LockedOut:
                    http.Response.Headers.RetryAfter = ((int)Math.Ceiling((outcome.LockedUntil!.Value - DateTimeOffset.UtcNow).TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    return ProblemResults.Problem(423, "username",
                        $"The account is locked after {LockoutPolicy.MaxFailedAttempts} failed sign-ins until {outcome.LockedUntil:u}.",
                        $"连续 {LockoutPolicy.MaxFailedAttempts} 次登录失败，账户已锁定至 {outcome.LockedUntil:u}。");
                case UserDirectory.SignInStatus.Failed:
                    return ProblemResults.Problem(401, "password", "Wrong user name or password.", "用户名或密码错误。");
            }
            var user = outcome.User!;
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
                UserDirectory.ToPrincipal(user, CookieAuthenticationDefaults.AuthenticationScheme));
            // Writes {tokenType, accessToken, expiresIn, refreshToken}.
            return Results.SignIn(UserDirectory.ToPrincipal(user, BearerTokenDefaults.AuthenticationScheme),
                authenticationScheme: BearerTokenDefaults.AuthenticationScheme);
        }).AllowAnonymous().WithRequestBody<LoginRequest>().Produces<AccessTokenResponse>();

        auth.MapPost("/logout", async (HttpContext http) =>
        {
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.NoContent();
        }).AllowAnonymous();

        auth.MapGet("/me", (HttpContext http) => new
        {
            username = http.User.UserName(),
            displayName = http.User.FindFirst(PlatformClaims.DisplayName)?.Value,
            roles = http.User.FindAll(System.Security.Claims.ClaimTypes.Role).Select(c => c.Value),
            community = http.User.Community(),
        }).RequireAuthorization(PlatformPolicies.SignedIn);
    }
}
