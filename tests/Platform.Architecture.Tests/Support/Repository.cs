namespace Platform.Architecture.Tests.Support;

/// <summary>Paths of the repository the tests were built from.</summary>
internal static class Repository
{
    public static readonly string Root = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    /// <summary>The deployed plugin folders next to the test binaries (plugins/&lt;ProjectName&gt;/).</summary>
    public static string DeployedPlugins => Path.Combine(AppContext.BaseDirectory, "plugins");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Platform.sln")))
                return dir.FullName;
        }
        throw new InvalidOperationException($"No Platform.sln above {AppContext.BaseDirectory}.");
    }
}
