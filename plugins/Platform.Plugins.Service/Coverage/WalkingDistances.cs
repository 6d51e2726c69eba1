using Platform.Plugins.Service.LifeCircles;
using Platform.Spatial;

namespace Platform.Plugins.Service.Coverage;

/// <summary>One walking distance and how it was measured.</summary>
public readonly record struct Walk(double Metres, string Method);

/// <summary>
/// How far people walk, for one computation. With <see cref="LifeCircleStandard.DistanceMethod"/> =
/// <c>road-network</c> (the default) and a road layer, a walk between two places that both lie within
/// <see cref="LifeCircleStandard.MaxSnapMetres"/> of a road goes along the roads (straight access legs to and from
/// the nearest road point, then the shortest path); a walk with either end further from every road, or with no
/// road layer, or with <c>straight-line</c> chosen, is the straight-line distance times the detour factor.
/// </summary>
public sealed class WalkingDistances
{
    public const string RoadNetwork = "road-network";
    public const string StraightLine = "straight-line";

    private readonly Dictionary<(double, double), NetworkLocation?> _snaps = [];
    private readonly Lock _lock = new();

    public WalkingDistances(LifeCircleStandard standard, WalkingNetwork network)
    {
        Standard = standard;
        Network = standard.DistanceMethod == RoadNetwork ? network : WalkingNetwork.Empty;
    }

    public LifeCircleStandard Standard { get; }

    /// <summary>The network walked along; empty when straight-line distances were chosen or no road exists.</summary>
    public WalkingNetwork Network { get; }

    /// <summary>Distances from one place, up to <paramref name="limitMetres"/>.</summary>
    public WalkingOrigin From(double lon, double lat, double limitMetres)
    {
        var snapped = Snap(lon, lat);
        return new WalkingOrigin(this, lon, lat, limitMetres, snapped is null ? null : Network.From(snapped, limitMetres));
    }

    /// <summary>How walks from or to this place are measured.</summary>
    public string MethodAt(double lon, double lat) => Snap(lon, lat) is null ? StraightLine : RoadNetwork;

    internal NetworkLocation? Snap(double lon, double lat)
    {
        lock (_lock)
        {
            if (!_snaps.TryGetValue((lon, lat), out var location))
                _snaps[(lon, lat)] = location = Network.Snap(lon, lat, Standard.MaxSnapMetres);
            return location;
        }
    }
}

/// <summary>Walks from one place, measured as <see cref="WalkingDistances"/> describes.</summary>
public sealed class WalkingOrigin(WalkingDistances distances, double lon, double lat, double limitMetres, NetworkReach? reach)
{
    /// <summary>The walk to (<paramref name="toLon"/>, <paramref name="toLat"/>), or null when it is longer than the limit.</summary>
    public Walk? To(double toLon, double toLat)
    {
        if (reach is not null && distances.Snap(toLon, toLat) is { } target)
            return reach.To(target) is { } metres ? new Walk(metres, WalkingDistances.RoadNetwork) : null;
        var straight = CoverageCalculator.StraightWalk(lon, lat, toLon, toLat, distances.Standard.DetourFactor);
        return straight <= limitMetres ? new Walk(straight, WalkingDistances.StraightLine) : null;
    }
}
