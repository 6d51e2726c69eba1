using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Http;
using Platform.Abstractions.Security;
using Platform.Host.Security;

namespace Platform.Host.Identity;

/// <summary><c>/api/auth</c>: sign in (token and cookie), refresh a token, sign out (revoking), change the password, who am I.</summary>
internal static class AuthEndpoints
{
    public sealed record LoginRequest(string? Username, string? Password);

    public sealed record RefreshRequest(string? RefreshToken);

    public sealed record PasswordRequest(string? CurrentPassword, string? NewPassword);

    public const int MinPasswordLength = 8;

    public static void MapAuthEndpoints(this IEndpointRouteBuilder app)
    {
        var auth = app.MapGroup("/api/auth");

        auth.MapPost("/login", async (HttpContext http, UserDirectory users) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<LoginRequest>(http);
            if (bad is not null)
                return bad;
            if (string.IsNullOrWhiteSpace(body!.Username) || body.Username.Length > 100)
                return ProblemResults.Problem(400, "username", "The user name is missing.", "缺少用户名。");
            if (string.IsNullOrEmpty(body.Password) || body.Password.Length > 1000)
                return ProblemResults.Problem(400, "password", "The password is missing.", "缺少密码。");
            var address = http.Connection.RemoteIpAddress?.ToString() ?? "local";
            var name = body.Username.Trim().ToLowerInvariant();
            // The per-user limit counts only addresses that already failed for this user: guessing from many addresses is
            // bounded, and the user's own clean address is never held back by someone else's guessing.
            if (users.Throttle.HasFailed(name, address) && !users.Throttle.TryAcquire(name))
                return TooMany(http, 60, "username", $"This user name was tried more than {LockoutPolicy.PerUserPerMinute} times in a minute; wait a minute.",
                    $"该用户名一分钟内登录尝试超过 {LockoutPolicy.PerUserPerMinute} 次，请稍后再试。");

            var outcome = await users.SignInAsync(body.Username, body.Password, address, http.RequestAborted);
            switch (outcome.Status)
            {
                case UserDirectory.SignInStatus.LockedOut:
                    http.Response.Headers.RetryAfter = ((int)Math.Ceiling((outcome.LockedUntil!.Value - DateTimeOffset.UtcNow).TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    return ProblemResults.Problem(423, "username",
                        $"After {LockoutPolicy.MaxFailedAttempts} failed sign-ins from this address, this user may not be tried from it until {outcome.LockedUntil:u}.",
                        $"该地址连续 {LockoutPolicy.MaxFailedAttempts} 次登录失败，{outcome.LockedUntil:u} 前不能再从此地址登录该账户。");
                case UserDirectory.SignInStatus.Failed:
                    return ProblemResults.Problem(401, "password", "Wrong user name or password.", "用户名或密码错误。");
                case UserDirectory.SignInStatus.Disabled:
                    return ProblemResults.Problem(403, "username", "This account is disabled; ask an administrator.", "该账户已停用，请联系管理员。");
            }
            var user = outcome.User!;
            await http.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme,
                UserDirectory.ToPrincipal(user, CookieAuthenticationDefaults.AuthenticationScheme));
            CsrfGuard.Issue(http);
            // Writes {tokenType, accessToken, expiresIn, refreshToken}.
            return Results.SignIn(UserDirectory.ToPrincipal(user, BearerTokenDefaults.AuthenticationScheme),
                authenticationScheme: BearerTokenDefaults.AuthenticationScheme);
        }).AllowAnonymous().RequireRateLimiting(PlatformRateLimits.Login).WithRequestBody<LoginRequest>().Produces<AccessTokenResponse>();

        auth.MapPost("/refresh", async (HttpContext http, UserDirectory users, IOptionsMonitor<BearerTokenOptions> options, TimeProvider clock) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<RefreshRequest>(http);
            if (bad is not null)
                return bad;
            if (string.IsNullOrWhiteSpace(body!.RefreshToken))
                return RequestBody.Missing("refreshToken", "刷新令牌");
            var ticket = options.Get(BearerTokenDefaults.AuthenticationScheme).RefreshTokenProtector.Unprotect(body.RefreshToken);
            if (ticket?.Properties.ExpiresUtc is not { } expires || clock.GetUtcNow() >= expires
                || !await users.IsCurrentAsync(ticket.Principal, http.RequestAborted)
                || await users.FindAsync(ticket.Principal.Identity!.Name!, http.RequestAborted) is not { } user)
                return ProblemResults.Problem(401, "refreshToken", "The refresh token is expired, revoked or not one of ours; sign in again.", "刷新令牌已过期或已失效，请重新登录。");
            return Results.SignIn(UserDirectory.ToPrincipal(user, BearerTokenDefaults.AuthenticationScheme), authenticationScheme: BearerTokenDefaults.AuthenticationScheme);
        }).AllowAnonymous().RequireRateLimiting(PlatformRateLimits.Login).WithRequestBody<RefreshRequest>().Produces<AccessTokenResponse>();

        auth.MapPost("/logout", async (HttpContext http, UserDirectory users) =>
        {
            // Signing out revokes the user's every cookie and token (a new security stamp), not just this browser's cookie.
            if (http.User.Identity?.IsAuthenticated == true && http.User.Identity.Name is { } name)
                await users.RevokeAsync(name, http.RequestAborted);
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            CsrfGuard.Remove(http);
            return Results.NoContent();
        }).AllowAnonymous();

        auth.MapPost("/password", async (HttpContext http, UserDirectory users) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<PasswordRequest>(http);
            if (bad is not null)
                return bad;
            if (string.IsNullOrEmpty(body!.CurrentPassword))
                return RequestBody.Missing("currentPassword", "当前密码");
            if (body.NewPassword is not { Length: >= MinPasswordLength and <= 1000 } next)
                return ProblemResults.Problem(400, "newPassword", $"The new password needs at least {MinPasswordLength} characters.", $"新密码至少 {MinPasswordLength} 个字符。");
            if (!await users.ChangePasswordAsync(http.User.UserName(), body.CurrentPassword, next, http.RequestAborted))
                return ProblemResults.Problem(400, "currentPassword", "The current password is wrong.", "当前密码不正确。");
            await http.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            CsrfGuard.Remove(http);
            return Results.NoContent();
        }).RequireAuthorization(PlatformPolicies.SignedIn).RequireRateLimiting(PlatformRateLimits.Login).WithRequestBody<PasswordRequest>();

        auth.MapGet("/me", (HttpContext http) => new
        {
            username = http.User.UserName(),
            displayName = http.User.FindFirst(PlatformClaims.DisplayName)?.Value,
            roles = http.User.FindAll(System.Security.Claims.ClaimTypes.Role).Select(c => c.Value),
            community = http.User.Community(),
        }).RequireAuthorization(PlatformPolicies.SignedIn);
    }

    internal static IResult TooMany(HttpContext http, int retryAfterSeconds, string field, string en, string zh)
    {
        http.Response.Headers.RetryAfter = retryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return ProblemResults.Problem(429, field, en, zh);
    }
}
