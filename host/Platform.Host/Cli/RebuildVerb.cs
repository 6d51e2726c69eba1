using JasperFx.Events.Daemon;
using Marten;
using Platform.Abstractions.Cli;

namespace Platform.Host.Cli;

/// <summary>
/// <c>rebuild [PROJECTION …]</c>: rebuilds the read models (all projections, or the ones named) from the event
/// store with Marten's own projection rebuild, one after the other, showing each. Run it with the hosts stopped
/// (or at a quiet moment): writes made during a projection's rebuild may be missed by it.
/// </summary>
internal sealed class RebuildVerb(IDocumentStore store) : ICliVerb
{
    public string Name => "rebuild";

    public string Usage => "rebuild [PROJECTION …]   (all read models by default; `rebuild --list` names them)";

    public async Task<int> RunAsync(IReadOnlyList<string> args, IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        var all = ((StoreOptions)store.Options).Projections.All.Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
        if (args is ["--list"])
        {
            foreach (var name in all)
                output.WriteLine(name);
            return 0;
        }
        var unknown = args.Except(all).ToList();
        if (unknown.Count > 0)
        {
            output.WriteLine($"No projection named {string.Join(", ", unknown)}; `rebuild --list` names them.");
            return 2;
        }
        var chosen = args.Count > 0 ? [.. args] : all;
        using var daemon = await store.BuildProjectionDaemonAsync();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < chosen.Count; i++)
        {
            output.WriteLine($"  [{i + 1,2}/{chosen.Count,2}] {chosen[i]}");
            await daemon.RebuildProjectionAsync(chosen[i], TimeSpan.FromMinutes(5), ct);
        }
        output.WriteLine($"Rebuilt {chosen.Count} projection(s) in {watch.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }
}
