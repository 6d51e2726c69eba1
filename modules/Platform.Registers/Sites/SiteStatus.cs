namespace Platform.Registers.Sites;

/// <summary>The lifecycle of a planning or project site.</summary>
internal enum SiteStatus
{
    /// <summary>拟建</summary>
    Proposed,

    /// <summary>已批复</summary>
    Approved,

    /// <summary>在建</summary>
    UnderConstruction,

    /// <summary>已建成</summary>
    Completed,

    /// <summary>已取消</summary>
    Cancelled,
}

internal static class SiteStatuses
{
    public static string Code(this SiteStatus s) => s switch
    {
        SiteStatus.Proposed => "proposed",
        SiteStatus.Approved => "approved",
        SiteStatus.UnderConstruction => "under_construction",
        SiteStatus.Completed => "completed",
        _ => "cancelled",
    };

    public static string NameZh(this SiteStatus s) => s switch
    {
        SiteStatus.Proposed => "拟建",
        SiteStatus.Approved => "已批复",
        SiteStatus.UnderConstruction => "在建",
        SiteStatus.Completed => "已建成",
        _ => "已取消",
    };

    public static bool TryParse(string? code, out SiteStatus status)
    {
        foreach (var s in Enum.GetValues<SiteStatus>())
        {
            if (string.Equals(s.Code(), code, StringComparison.OrdinalIgnoreCase) || string.Equals(s.ToString(), code, StringComparison.OrdinalIgnoreCase))
            {
                status = s;
                return true;
            }
        }
        status = default;
        return false;
    }
}

/// <summary>
/// Sites move forward one step at a time (proposed → approved → under construction → completed) and may
/// be cancelled at any point before completion; a completed or cancelled site does not move again.
/// </summary>
internal static class SiteMovesOneStepForwardOrIsCancelledRule
{
    public static bool Allows(SiteStatus from, SiteStatus to) => (from, to) switch
    {
        (SiteStatus.Completed or SiteStatus.Cancelled, _) => false,
        (_, SiteStatus.Cancelled) => true,
        _ => (int)to == (int)from + 1,
    };
}
