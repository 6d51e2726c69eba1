using Platform.Abstractions.Cli;

namespace Platform.Plugins.Smart.Cli;

internal sealed class SimulateVerb : ICliVerb
{
    public string Name => "simulate";
    public string Usage => "simulate";
    public Task<int> RunAsync(IReadOnlyList<string> args, IServiceProvider services, TextWriter output, CancellationToken ct) => Task.FromResult(0);
}
