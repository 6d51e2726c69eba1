namespace Platform.Plugins.Service.Projects;

/// <summary>A service project moves one stage forward: planned → under_renovation → open; it never skips or goes back.</summary>
internal static class ProjectMovesOneStageForwardRule
{
    public static bool Allows(string from, string to) => Next(from) is { } next && next == to;

    /// <summary>The stage after <paramref name="from"/>, or null for the last stage or an unknown one.</summary>
    public static string? Next(string from)
    {
        var at = Array.IndexOf(ServiceProjectKinds.Statuses, from);
        return at >= 0 && at + 1 < ServiceProjectKinds.Statuses.Length ? ServiceProjectKinds.Statuses[at + 1] : null;
    }
}
