namespace Platform.Plugins.Service.Projects;

public static class ServiceProjectKinds
{
    public static readonly IReadOnlyDictionary<string, string> Kinds = new Dictionary<string, string>
    {
        ["party_mass_center"] = "党群服务中心",
        ["ground_floor_space"] = "架空层共享空间",
    };

    public static readonly string[] Statuses = ["planned", "under_renovation", "open"];

    public static readonly IReadOnlyDictionary<string, string> StatusZh = new Dictionary<string, string>
    {
        ["planned"] = "规划中", ["under_renovation"] = "改造中", ["open"] = "已开放",
    };
}
