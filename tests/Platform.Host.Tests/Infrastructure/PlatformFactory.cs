using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Platform.Host.Tests.Infrastructure;

/// <summary>
/// The real host (ASP.NET Core pipeline, Orleans silo, Marten) on a database of its own on the test
/// run's PostgreSQL server. Create it with <see cref="StartAsync"/>.
/// </summary>
public sealed class PlatformFactory : WebApplicationFactory<Program>
{
    private PlatformFactory(string connectionString, string dataDir, string? pluginDir)
    {
        ConnectionString = connectionString;
        DataDirectory = dataDir;
        PluginDirectory = pluginDir;
    }

    public string ConnectionString { get; }
    public string DataDirectory { get; }
    public string? PluginDirectory { get; }

    public static async Task<PlatformFactory> StartAsync(string name, string? pluginDir = null, string? connectionString = null)
    {
        var cs = connectionString ?? await TestServer.CreateDatabaseAsync(name);
        return new PlatformFactory(cs, TestServer.CreateFolder(name), pluginDir);
    }

    /// <summary>Another host process on the same database: a restart.</summary>
    public PlatformFactory Restarted() => new(ConnectionString, DataDirectory, PluginDirectory);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Platform", ConnectionString);
        builder.UseSetting("Platform:DataDir", DataDirectory);
        if (PluginDirectory is not null)
            builder.UseSetting("Platform:PluginDir", PluginDirectory);
    }
}
