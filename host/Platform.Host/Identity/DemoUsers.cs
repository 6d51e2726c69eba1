namespace Platform.Host.Identity;

/// <summary>
/// The demo's users: <c>admin</c>, <c>planner</c> and <c>worker</c> (a worker of 兴隆湖社区), with the
/// password from <c>PLATFORM_DEMO_PASSWORD</c> or else <c>demo</c>. Only created in demo mode.
/// </summary>
internal static class DemoUsers
{
    public const string WorkerCommunityCode = "XL-XLH";

    public static async Task EnsureAsync(UserDirectory users, CancellationToken ct)
    {
        var password = Environment.GetEnvironmentVariable("PLATFORM_DEMO_PASSWORD") is { Length: > 0 } p ? p : "demo";
        await users.CreateAsync("admin", "系统管理员", password, [Abstractions.Security.PlatformRoles.Administrator], null, "system", ct);
        await users.CreateAsync("planner", "规划人员", password, [Abstractions.Security.PlatformRoles.Planner], null, "system", ct);
        await users.CreateAsync("worker", "兴隆湖社区工作者", password, [Abstractions.Security.PlatformRoles.Worker], WorkerCommunityCode, "system", ct);
        await users.CreateAsync("developer", "模块开发者", password, [Abstractions.Security.PlatformRoles.Developer], null, "system", ct);
        await users.CreateAsync("resident", "居民", password, [Abstractions.Security.PlatformRoles.Resident], null, "system", ct);
    }
}
