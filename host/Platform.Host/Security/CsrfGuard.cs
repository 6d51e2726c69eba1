using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.Cookies;
using Platform.Abstractions.Commands;

namespace Platform.Host.Security;

/// <summary>
/// Cross-site request forgery protection for writes authenticated by the sign-in cookie (double submit): signing in
/// sets a random token in the readable cookie <c>platform.csrf</c>, and every cookie-authenticated request that may
/// change something must echo it in the <c>X-Platform-Csrf</c> header (the web map's <c>csrf.js</c> does). Another site
/// can make the browser send the cookie but can neither read the token nor set the header. Bearer-token callers are
/// not affected (a token is never sent by the browser on its own).
/// </summary>
internal static class CsrfGuard
{
    public const string CookieName = "platform.csrf";
    public const string HeaderName = "X-Platform-Csrf";

    /// <summary>Issues a fresh token cookie (at sign-in).</summary>
    public static void Issue(HttpContext http) =>
        http.Response.Cookies.Append(CookieName, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
            new CookieOptions { HttpOnly = false, SameSite = SameSiteMode.Strict, Secure = http.Request.IsHttps, Path = "/", IsEssential = true });

    public static void Remove(HttpContext http) => http.Response.Cookies.Delete(CookieName, new CookieOptions { Path = "/", Secure = http.Request.IsHttps, SameSite = SameSiteMode.Strict });

    public static IApplicationBuilder UseCsrfGuard(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            var method = http.Request.Method;
            if (!HttpMethods.IsGet(method) && !HttpMethods.IsHead(method) && !HttpMethods.IsOptions(method)
                && http.User.Identity?.IsAuthenticated == true
                && http.User.Identity.AuthenticationType == CookieAuthenticationDefaults.AuthenticationScheme
                && !Matches(http))
            {
                await ProblemResults.Problem(403, "csrf",
                    $"A write with the sign-in cookie must carry the {HeaderName} header holding the {CookieName} cookie's value (the web map sends it). Sign in again if the cookie is missing.",
                    "使用登录 Cookie 提交修改时须附带防跨站请求伪造令牌（X-Platform-Csrf），请刷新页面或重新登录。").ExecuteAsync(http);
                return;
            }
            await next(http);
        });

    private static bool Matches(HttpContext http)
    {
        var cookie = http.Request.Cookies[CookieName];
        var header = http.Request.Headers[HeaderName].ToString();
        return !string.IsNullOrEmpty(cookie) && cookie.Length == header.Length
            && CryptographicOperations.FixedTimeEquals(System.Text.Encoding.ASCII.GetBytes(cookie), System.Text.Encoding.ASCII.GetBytes(header));
    }
}
