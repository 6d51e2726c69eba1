using Microsoft.AspNetCore.Authorization;
using Platform.Abstractions.Commands;

namespace Platform.Host.Identity;

/// <summary>
/// Every request that may change something (any method but GET, HEAD and OPTIONS) needs a signed-in user, unless its
/// endpoint says <c>AllowAnonymous</c> (signing in; computations sent by POST that record nothing). It stands behind
/// the endpoints' own role policies, so a module or plugin endpoint that forgets its policy still never writes
/// anonymously.
/// </summary>
internal static class AnonymousWriteGuard
{
    public static IApplicationBuilder UseAnonymousWriteGuard(this IApplicationBuilder app) =>
        app.Use(async (http, next) =>
        {
            if (MayChange(http.Request.Method)
                && http.User.Identity?.IsAuthenticated != true
                && http.GetEndpoint() is { } endpoint
                && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null)
            {
                await ProblemResults.Problem(401, "authorization", "Sign in to change anything (POST /api/auth/login).", "请先登录后再提交或修改数据。")
                    .ExecuteAsync(http);
                return;
            }
            await next(http);
        });

    private static bool MayChange(string method) =>
        !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method) && !HttpMethods.IsOptions(method);
}
