using Marten;
using Platform.Abstractions.Maps;
using Platform.Abstractions.Registers;
using Platform.Plugins.Service.LifeCircles;
using Platform.Spatial;

namespace Platform.Plugins.Service.Coverage;

/// <summary>The result of one coverage computation: the standard applied, how distances were walked, and each compound.</summary>
public sealed record CoverageResult(LifeCircleStandard Standard, WalkingDistances Distances, IReadOnlyList<CompoundCoverage> Compounds)
{
    /// <summary><c>road-network</c>, <c>straight-line</c> or <c>mixed</c> (see <see cref="CoverageCalculator.MethodOf"/>).</summary>
    public string Method => CoverageCalculator.MethodOf(Compounds);

    /// <summary>The method in words, for the page and the report.</summary>
    public string MethodZh => Method switch
    {
        WalkingDistances.RoadNetwork => $"沿路网步行距离（距道路{Standard.MaxSnapMetres:0}米以内接入路网）",
        "mixed" => $"沿路网步行距离；距道路超过{Standard.MaxSnapMetres:0}米的小区或设施按直线距离×绕行系数{Standard.DetourFactor}",
        _ => Standard.DistanceMethod == WalkingDistances.StraightLine || Distances.Network.EdgeCount == 0
            ? $"直线距离×绕行系数{Standard.DetourFactor}（未使用路网）"
            : $"直线距离×绕行系数{Standard.DetourFactor}（小区距道路均超过{Standard.MaxSnapMetres:0}米）",
    };
}

/// <summary>
/// Reads the registers and the standard in force, and computes coverage for a date. The road network and the
/// results are kept until the next committed change (<see cref="ChangeNotifier"/>): the gap layer asks for the
/// coverage once per vector tile, and a view needs a dozen tiles.
/// </summary>
public sealed class CoverageService(IRegisterReader registers, IDocumentStore store, ChangeNotifier changes)
{
    /// <summary>Results kept per date; more dates than this (a date slider dragged far) start the cache afresh.</summary>
    private const int MaxCachedDates = 16;

    private readonly SemaphoreSlim _networkLock = new(1, 1);
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(long Version, DateOnly Date), Lazy<Task<CoverageResult>>> _results = new();
    private (long Version, WalkingNetwork Network)? _network;

    public async Task<LifeCircleStandard> StandardAsync(CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        return (await session.LoadAsync<StandardInForce>(StandardGrain.Stream, ct))?.Standard
            ?? (await session.LoadAsync<CurrentStandard>("current", ct))?.Standard
            ?? LifeCircleStandard.Default;
    }

    /// <summary>How walking distances are measured under the standard in force.</summary>
    public async Task<WalkingDistances> DistancesAsync(LifeCircleStandard standard, CancellationToken ct = default) =>
        new(standard, standard.DistanceMethod == WalkingDistances.RoadNetwork ? await NetworkAsync(ct) : WalkingNetwork.Empty);

    /// <summary>Coverage on <paramref name="date"/>, computed once per committed state of the store.</summary>
    public async Task<CoverageResult> ComputeAsync(DateOnly date, CancellationToken ct = default)
    {
        var version = changes.Version;
        if (_results.Count >= MaxCachedDates || _results.Keys.Any(k => k.Version != version))
        {
            foreach (var key in _results.Keys.Where(k => k.Version != version || _results.Count >= MaxCachedDates))
                _results.TryRemove(key, out _);
        }
        // One computation per state and date, whoever asks first; its caller's cancellation does not cancel it for the others.
        var entry = _results.GetOrAdd((version, date), key => new Lazy<Task<CoverageResult>>(() => ComputeUncachedAsync(key.Date, CancellationToken.None)));
        try
        {
            return await entry.Value.WaitAsync(ct);
        }
        catch (Exception) when (entry.Value.IsFaulted)
        {
            _results.TryRemove(new KeyValuePair<(long, DateOnly), Lazy<Task<CoverageResult>>>((version, date), entry));
            throw;
        }
    }

    private async Task<CoverageResult> ComputeUncachedAsync(DateOnly date, CancellationToken ct)
    {
        var standard = await StandardAsync(ct);
        var distances = await DistancesAsync(standard, ct);
        var compounds = await registers.CompoundsAsync(date, ct);
        var facilities = await registers.FacilitiesAsync(date, ct);
        return new CoverageResult(standard, distances, CoverageCalculator.Compute(compounds, facilities, distances));
    }

    /// <summary>The walking network of the road layer, rebuilt after any committed change.</summary>
    public async Task<WalkingNetwork> NetworkAsync(CancellationToken ct = default)
    {
        var version = changes.Version;
        if (_network is { } cached && cached.Version == version)
            return cached.Network;
        await _networkLock.WaitAsync(ct);
        try
        {
            if (_network is { } again && again.Version == version)
                return again.Network;
            var roads = await registers.RoadsAsync(ct);
            var network = WalkingNetwork.Build(roads.Select(r => r.Geometry));
            _network = (version, network);
            return network;
        }
        finally
        {
            _networkLock.Release();
        }
    }
}
