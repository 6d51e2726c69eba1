namespace Platform.Abstractions.Security;

/// <summary>The roles of the platform's users. A user has one or more.</summary>
public static class PlatformRoles
{
    /// <summary>管理员: manages units, sites, records and users; may change anything.</summary>
    public const string Administrator = "administrator";

    /// <summary>规划人员: reads everything, changes nothing.</summary>
    public const string Planner = "planner";

    /// <summary>社区工作者: writes only inside the community named by the <see cref="PlatformClaims.Community"/> claim.</summary>
    public const string Worker = "worker";

    /// <summary>模块开发者: administers plugins.</summary>
    public const string Developer = "developer";

    /// <summary>居民: uses public endpoints only (claims, sign-ups).</summary>
    public const string Resident = "resident";

    /// <summary>Every role, in the order they are listed to users.</summary>
    public static readonly IReadOnlyList<string> All = [Administrator, Planner, Worker, Developer, Resident];
}
