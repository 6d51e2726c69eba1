using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Platform.Testing;

/// <summary>
/// The real host (ASP.NET Core pipeline, Orleans silo, Marten) on a database of its own on the test
/// run's PostgreSQL server. Create it with <see cref="StartAsync"/>.
/// </summary>
public sealed class PlatformFactory : WebApplicationFactory<Program>
{
    private readonly IReadOnlyDictionary<string, string> _settings;

    private PlatformFactory(string connectionString, string dataDir, string? pluginDir, IReadOnlyDictionary<string, string>? settings)
    {
        ConnectionString = connectionString;
        DataDirectory = dataDir;
        PluginDirectory = pluginDir;
        _settings = settings ?? new Dictionary<string, string>();
    }

    public string ConnectionString { get; }
    public string DataDirectory { get; }
    public string? PluginDirectory { get; }

    /// <summary>
    /// The port of the smart scene's MQTT broker in this host: a free one per host, since test hosts run side by side
    /// (a setting <c>Platform:Mqtt:Port</c> given to <see cref="StartAsync"/> wins; 0 turns the broker off).
    /// </summary>
    public int MqttPort { get; } = Platform.Host.LoopbackPorts.Free();

    public static async Task<PlatformFactory> StartAsync(
        string name, string? pluginDir = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        var cs = await TestServer.CreateDatabaseAsync(name);
        return new PlatformFactory(cs, TestServer.CreateFolder(name), pluginDir, settings);
    }

    /// <summary>A host on a fresh copy of the demo database (see <see cref="TestServer.CreateDemoDatabaseAsync"/>).</summary>
    public static async Task<PlatformFactory> StartWithDemoAsync(string name, string? pluginDir = null)
    {
        var cs = await TestServer.CreateDemoDatabaseAsync(name);
        return new PlatformFactory(cs, TestServer.CreateFolder(name), pluginDir, null);
    }

    /// <summary>A host on an existing database, demo mode on (it seeds what is missing).</summary>
    public static PlatformFactory ForDatabase(string connectionString, string dataDir) => new(connectionString, dataDir, null, null);

    /// <summary>Another host process on the same database: a restart.</summary>
    public PlatformFactory Restarted() => new(ConnectionString, DataDirectory, PluginDirectory, _settings);

    /// <summary>A service of the running host (starts it if needed).</summary>
    public T Service<T>() where T : notnull => (T)Services.GetService(typeof(T))!;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Platform", ConnectionString);
        builder.UseSetting("Platform:DataDir", DataDirectory);
        if (PluginDirectory is not null)
            builder.UseSetting("Platform:PluginDir", PluginDirectory);
        builder.UseSetting("Platform:Mqtt:Port", MqttPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Platform:Smart:DemoPublisher", "false");
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
    }
}
