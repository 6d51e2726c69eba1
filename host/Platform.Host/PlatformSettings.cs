using Microsoft.Extensions.Configuration;

namespace Platform.Host;

/// <summary>
/// The host's own configuration keys (documented in README.md). Deliberately not under
/// <c>Orleans:</c>, which Orleans reads itself.
/// </summary>
public sealed record PlatformSettings(
    string? ConnectionString,
    string DataDirectory,
    string PluginDirectory,
    string? PostgresBinDirectory,
    int SiloPort,
    int GatewayPort,
    bool Cluster = false,
    string SiloAddress = "127.0.0.1")
{
    public static PlatformSettings From(IConfiguration configuration) => new(
        configuration.GetConnectionString("Platform"),
        Path.GetFullPath(configuration["Platform:DataDir"] ?? "data"),
        Path.GetFullPath(configuration["Platform:PluginDir"] ?? Path.Combine(AppContext.BaseDirectory, "plugins")),
        configuration["Platform:PostgresBin"],
        configuration.GetValue("Platform:Silo:Port", 0),
        configuration.GetValue("Platform:Silo:GatewayPort", 0),
        configuration.GetValue("Platform:Cluster", false),
        configuration["Platform:Silo:Address"] ?? "127.0.0.1");
}
