using Marten;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Registers;
using Platform.Spatial;

namespace Platform.Linkage.Demonstration;

/// <summary>One leg of a planned tour, in metres and minutes along the road network.</summary>
internal sealed record TourLeg(Guid From, Guid To, double Metres, double Minutes);

/// <summary>
/// A planned tour: the sites in the order visited, the legs, the totals, how the order was found, and the route
/// walked (EPSG:4490 lon/lat: from each site to its road, along the roads, to the next site).
/// </summary>
internal sealed record PlannedTour(IReadOnlyList<DemonstrationSite> Sites, IReadOnlyList<TourLeg> Legs, double Metres, double Minutes, bool Exact, string MethodZh, string MethodEn,
    IReadOnlyList<(double Lon, double Lat)> Route);

/// <summary>
/// Plans a walking tour through demonstration sites along the roads of the base geography (read through the SDK's
/// <see cref="IRegisterReader"/>), with the spatial layer's <see cref="WalkingNetwork"/>: each site is snapped to the
/// nearest road within <see cref="SnapMetres"/>, distances are walked along the network, and <see cref="TourPlanner"/> orders them.
/// Minutes are at <see cref="MetresPerMinute"/> (4.5 km/h, an unhurried group's pace).
/// </summary>
internal sealed class TourPlanning(IDocumentStore store, IRegisterReader registers)
{
    public const double SnapMetres = 500;
    public const double MetresPerMinute = 75;

    public async Task<(PlannedTour? Tour, Rejection? Problem)> PlanAsync(IReadOnlyList<Guid> siteIds, CancellationToken ct)
    {
        if (siteIds.Count < 2)
            return (null, new Rejection(400, "siteIds", "Choose at least two sites; the first is where the tour starts.", "请至少选择两个点位，第一个为起点。"));
        if (siteIds.Distinct().Count() != siteIds.Count)
            return (null, new Rejection(400, "siteIds", "A site is chosen twice.", "点位重复。"));
        await using var session = store.QuerySession();
        var found = (await session.LoadManyAsync<DemonstrationSite>(ct, siteIds)).ToDictionary(s => s.Id);
        if (siteIds.FirstOrDefault(id => !found.ContainsKey(id)) is var unknown && unknown != Guid.Empty)
            return (null, new Rejection(404, "siteIds", $"There is no demonstration site {unknown}.", "找不到所选示范点位。"));
        var sites = siteIds.Select(id => found[id]).ToList();
        var network = WalkingNetwork.Build((await registers.RoadsAsync(ct)).Select(r => r.Geometry));
        var snapped = sites.Select(s => network.Snap(s.Lon, s.Lat, SnapMetres)).ToList();
        if (snapped.IndexOf(null) is var far and >= 0)
            return (null, new Rejection(409, "siteIds", $"{sites[far].Name} is more than {SnapMetres} m from any road.", $"“{sites[far].Name}”距道路超过 {SnapMetres} 米，无法规划步行路线。"));
        var n = sites.Count;
        var metres = new double[n, n];
        var reaches = new NetworkReach[n];
        for (var i = 0; i < n; i++)
        {
            var reach = reaches[i] = network.From(snapped[i]!, double.MaxValue);
            for (var j = 0; j < n; j++)
                metres[i, j] = i == j ? 0 : reach.To(snapped[j]!) ?? double.PositiveInfinity;
        }
        var order = TourPlanner.Plan(metres);
        if (double.IsPositiveInfinity(order.Metres))
            return (null, new Rejection(409, "siteIds", "Some sites are not connected by the road network.", "部分点位之间没有道路相连，无法规划路线。"));
        var legs = order.Stops.Zip(order.Stops.Skip(1), (a, b) => new TourLeg(sites[a].Id, sites[b].Id, Math.Round(metres[a, b], 1), Math.Round(metres[a, b] / MetresPerMinute, 1))).ToList();
        var route = new List<(double Lon, double Lat)>();
        foreach (var (a, b) in order.Stops.Zip(order.Stops.Skip(1)))
        {
            route.Add((sites[a].Lon, sites[a].Lat));
            route.AddRange(reaches[a].PathTo(snapped[b]!)!.Coordinates.Select(c => (c.X, c.Y)));
            route.Add((sites[b].Lon, sites[b].Lat));
        }
        return (new PlannedTour(order.Stops.Select(i => sites[i]).ToList(), legs, Math.Round(order.Metres, 1), Math.Round(order.Metres / MetresPerMinute, 1), order.Exact, order.MethodZh, order.MethodEn,
            route), null);
    }
}
