using Marten;
using Platform.Abstractions.Jurisdiction;
using Platform.Abstractions.Registers;
using Platform.Registers.Compounds;
using Platform.Registers.Facilities;
using Platform.Registers.Geography;
using Platform.Registers.Planning;
using Platform.Registers.Shared;
using Platform.Registers.Sites;
using Platform.Spatial;

namespace Platform.Registers.Reading;

/// <summary>The registers' read side for plugins, reports and layers; communities are located on the date asked.</summary>
internal sealed class RegisterReader(IDocumentStore store, IJurisdictionLocator jurisdiction) : IRegisterReader
{
    public async Task<IReadOnlyList<CompoundInfo>> CompoundsAsync(DateOnly date, CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        var compounds = (await session.Query<CompoundSummary>().ToListAsync(ct)).Where(c => c.InForceOn(date)).OrderBy(c => c.Name, StringComparer.Ordinal).ToList();
        var points = compounds.Select(c => LabelPoints.Of(c.GeometryWkt)).ToList();
        var communities = await jurisdiction.CommunitiesOfAsync(points, date, ct);
        return compounds.Select((c, i) => new CompoundInfo(c.Id, c.Name, c.Kind, points[i].Lon, points[i].Lat, c.Households, c.Buildings.Count,
            communities[i]?.Code, communities[i]?.Name) { PropertyCompany = c.PropertyCompany, Entrances = EntrancesOf(c.EntrancesWkt) }).ToList();
    }

    private static IReadOnlyList<EntrancePoint> EntrancesOf(string? wkt) =>
        wkt is null ? [] : [.. WellKnownText.Read(wkt).Coordinates.Select(c => new EntrancePoint(c.X, c.Y))];

    public async Task<CompoundInfo?> CompoundAtAsync(double lon, double lat, DateOnly date, CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        var point = StorageCrs.Factory.CreatePoint(new NetTopologySuite.Geometries.Coordinate(lon, lat));
        var hit = (await session.Query<CompoundSummary>().ToListAsync(ct))
            .Where(c => c.InForceOn(date)).FirstOrDefault(c => WellKnownText.Read(c.GeometryWkt).Covers(point));
        if (hit is null)
            return null;
        return (await CompoundsAsync(date, ct)).FirstOrDefault(c => c.Id == hit.Id);
    }

    public async Task<IReadOnlyList<FacilityInfo>> FacilitiesAsync(DateOnly date, CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        var facilities = (await session.Query<FacilitySummary>().ToListAsync(ct)).Where(f => f.OpenOn(date)).OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
        var points = facilities.Select(f => LabelPoints.Of(f.GeometryWkt)).ToList();
        var communities = await jurisdiction.CommunitiesOfAsync(points, date, ct);
        return facilities.Select((f, i) => new FacilityInfo(f.Id, f.Name, f.Category, FacilityCategories.Find(f.Category)?.Kind ?? "", points[i].Lon, points[i].Lat,
            communities[i]?.Code, communities[i]?.Name)).ToList();
    }

    public async Task<IReadOnlyList<SiteInfo>> SitesAsync(DateOnly date, CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        var sites = (await session.Query<SiteSummary>().ToListAsync(ct)).Where(s => s.StatusOn(date) is not null).OrderBy(s => s.Name, StringComparer.Ordinal).ToList();
        var zones = (await session.Query<PlanningZoneSummary>().ToListAsync(ct)).ToDictionary(z => z.Id, z => z.Name);
        var points = sites.Select(s => LabelPoints.Of(s.GeometryWkt)).ToList();
        var communities = await jurisdiction.CommunitiesOfAsync(points, date, ct);
        return sites.Select((s, i) => new SiteInfo(s.Id, s.Name, s.StatusOn(date)!.Value.Code(), s.Category, s.BudgetWan, s.Owner,
            s.ZoneId is { } z && zones.TryGetValue(z, out var zn) ? zn : null, points[i].Lon, points[i].Lat,
            Math.Round(GeometryMeasurement.AreaSquareMetres(WellKnownText.Read(s.GeometryWkt)), 1),
            communities[i]?.Code, communities[i]?.Name)).ToList();
    }

    public async Task<IReadOnlyList<RoadInfo>> RoadsAsync(CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        return (await session.Query<BaseFeatureSummary>().Where(b => b.Kind == "road").ToListAsync(ct)).Where(b => b.InForceOn(Wire.Today))
            .OrderBy(b => b.Name, StringComparer.Ordinal)
            .Select(b => new RoadInfo(b.Id, b.Name, WellKnownText.Read(b.GeometryWkt))).ToList();
    }
}
