namespace Platform.Linkage.Projects;

/// <summary>The two kinds of community fund: 保障资金 (every community's yearly guarantee) and 激励资金 (incentives applied for).</summary>
internal static class FundTypes
{
    public const string Guarantee = "guarantee";
    public const string Incentive = "incentive";

    public static readonly IReadOnlyDictionary<string, (string Zh, string En)> All = new Dictionary<string, (string, string)>
    {
        [Guarantee] = ("保障资金", "guarantee fund"),
        [Incentive] = ("激励资金", "incentive fund"),
    };
}
