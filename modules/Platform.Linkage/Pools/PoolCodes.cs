namespace Platform.Linkage.Pools;

/// <summary>The coded values of the pools, with their Chinese labels.</summary>
internal static class PoolCodes
{
    public static readonly IReadOnlyDictionary<string, string> OrganisationStatuses = new Dictionary<string, string>
    {
        ["registered"] = "已登记",
        ["incubating"] = "孵化中",
    };

    public static readonly IReadOnlyDictionary<string, string> CertificateLevels = new Dictionary<string, string>
    {
        ["assistant"] = "助理社会工作师",
        ["intermediate"] = "社会工作师",
        ["senior"] = "高级社会工作师",
    };
}
