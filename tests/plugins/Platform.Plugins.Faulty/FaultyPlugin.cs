using Platform.Abstractions.Plugins;
using Platform.Plugins.Faulty;

[assembly: ScenarioPlugin(typeof(FaultyPlugin),
    Id = "faulty", NameZh = "故障插件（测试用）", NameEn = "Faulty plugin (tests only)",
    Version = "0.0.1", SdkVersion = "[1.0,2.0)")]

namespace Platform.Plugins.Faulty;

/// <summary>Fails on purpose when started, so that tests can see the host survive it.</summary>
public sealed class FaultyPlugin : IScenarioPlugin
{
    public const string Message = "deliberate start-up failure of the faulty test plugin";

    public Task StartAsync(IServiceProvider services, CancellationToken cancellationToken) =>
        throw new InvalidOperationException(Message);
}
