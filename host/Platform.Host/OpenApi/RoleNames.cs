namespace Platform.Host.OpenApi;

/// <summary>The Chinese names of the platform's roles, as users know them.</summary>
internal static class RoleNames
{
    public static string Zh(string role) => role switch
    {
        "administrator" => "管理员",
        "planner" => "规划人员",
        "worker" => "社区工作者",
        "developer" => "模块开发者",
        "resident" => "居民",
        "*" => "已登录用户",
        _ => role,
    };
}
