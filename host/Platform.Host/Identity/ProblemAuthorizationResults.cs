using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Platform.Abstractions.Commands;

namespace Platform.Host.Identity;

/// <summary>
/// A refused role policy answers as every other refusal does: RFC 7807 problem+json naming what is missing, in
/// Chinese and English (401: sign in; 403: the roles that may), instead of an empty status.
/// </summary>
internal sealed class ProblemAuthorizationResults : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Challenged)
        {
            await ProblemResults.Problem(401, "authorization", "Sign in first (POST /api/auth/login).", "请先登录。").ExecuteAsync(context);
            return;
        }
        if (authorizeResult.Forbidden)
        {
            var roles = policy.Requirements.OfType<Microsoft.AspNetCore.Authorization.Infrastructure.RolesAuthorizationRequirement>()
                .SelectMany(r => r.AllowedRoles).Distinct().ToList();
            var who = roles.Count == 0 ? "other users" : string.Join(", ", roles);
            await ProblemResults.Problem(403, "authorization", $"Your role may not do this; it is for: {who}.", $"您的角色无权执行此操作（仅限：{string.Join("、", roles.Select(RoleZh))}）。")
                .ExecuteAsync(context);
            return;
        }
        await _default.HandleAsync(next, context, policy, authorizeResult);
    }

    private static string RoleZh(string role) => role switch
    {
        "administrator" => "管理员",
        "planner" => "规划人员",
        "worker" => "社区工作者",
        "developer" => "模块开发者",
        "resident" => "居民",
        _ => role,
    };
}
