namespace Platform.Plugins.Vitality.Activities;

/// <summary>A kind of shared space, with its names and map colour.</summary>
public sealed record SpaceKind(string Code, string NameZh, string NameEn, string Color);

/// <summary>The shared spaces activities are held in.</summary>
public static class SpaceKinds
{
    public static readonly IReadOnlyList<SpaceKind> All =
    [
        new("complex", "社区综合体", "Community complex", "#6a1b9a"),
        new("ground_floor", "架空层", "Ground-floor open space", "#00838f"),
        new("square", "广场", "Square", "#ef6c00"),
        new("party_mass_center", "党群服务中心", "Party-mass service centre", "#c62828"),
        new("park", "公园绿地", "Park", "#2e7d32"),
        new("other", "其他场所", "Other place", "#757575"),
    ];

    public static SpaceKind? Find(string? code) => All.FirstOrDefault(s => s.Code == code);
}
