using System.Globalization;
using Marten;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Union;
using Platform.Abstractions.Jurisdiction;
using Platform.Abstractions.Maps;
using Platform.Jurisdiction.Units;
using Platform.Spatial;

namespace Platform.Jurisdiction.Queries;

/// <summary>
/// Read-side questions about the jurisdiction, answered from the <see cref="UnitHistory"/> documents. The units in
/// force on a date, with their geometries parsed and indexed, are kept until the next committed change: every write
/// asks "which community is this in?" and every register layer asks it for all its features.
/// </summary>
internal sealed class JurisdictionQueries(IDocumentStore store, ChangeNotifier changes) : IJurisdictionLocator
{
    private readonly CommittedChangeCache<DateOnly, UnitsInForce> _inForce = new(changes);

    // The street's territory is asked on every write (the territory rule, site placement): the union is made once per change.
    private readonly CommittedChangeCache<DateOnly, string?> _territory = new(changes);

    public sealed record UnitAt(Guid Id, UnitVersion Version, Geometry Geometry);

    public sealed record Counts(DateOnly Date, int Communities, int Villages, int Groups)
    {
        public int CommunitiesAndVillages => Communities + Villages;
    }

    public sealed record Statistics(Counts Before, Counts After, int Reduction, double ReductionPercent, int GroupReduction, double GroupReductionPercent, string SentenceZh);

    public async Task<IReadOnlyList<UnitHistory>> AllAsync(CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        return await session.Query<UnitHistory>().ToListAsync(ct);
    }

    public async Task<UnitHistory?> FindAsync(Guid id, CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        return await session.LoadAsync<UnitHistory>(id, ct);
    }

    /// <summary>The units in force on <paramref name="date"/>, delegated areas included (level street, with an owner street).</summary>
    public async Task<IReadOnlyList<UnitAt>> AsOfAsync(DateOnly date, CancellationToken ct = default) => (await InForceAsync(date)).Units;

    // Shared by concurrent callers, so computed without one request's cancellation.
    private Task<UnitsInForce> InForceAsync(DateOnly date) => _inForce.GetAsync(date, async d =>
        new UnitsInForce((await AllAsync(CancellationToken.None))
            .Select(u => (u.Id, Version: u.At(d)))
            .Where(u => u.Version is not null)
            .Select(u => new UnitAt(u.Id, u.Version!, WellKnownText.Read(u.Version!.GeometryWkt)))
            .ToList()));

    public async Task<UnitLocation> LocateAsync(double lon, double lat, DateOnly date, CancellationToken ct = default)
    {
        var hits = (await InForceAsync(date)).All.LocateAll(lon, lat).Select(e => e.Key).ToList();
        var delegated = hits.FirstOrDefault(h => h.Version.DelegatedFromStreet is not null);
        var street = hits.FirstOrDefault(h => h.Version.Level == UnitLevel.Street && h.Version.DelegatedFromStreet is null);
        var community = hits.FirstOrDefault(h => h.Version.Level.Tier() == 1);
        var group = hits.FirstOrDefault(h => h.Version.Level == UnitLevel.Group);
        return new UnitLocation(
            Ref(street), Ref(community), Ref(group),
            delegated?.Version.ManagingStreet ?? street?.Version.Name,
            delegated?.Version.DelegatedFromStreet ?? street?.Version.Name,
            delegated is not null);
    }

    public async Task<IReadOnlyList<UnitRef?>> CommunitiesOfAsync(IReadOnlyList<(double Lon, double Lat)> points, DateOnly date, CancellationToken ct = default)
    {
        var index = (await InForceAsync(date)).Communities;
        return points.Select(p => Ref(index.Locate(p.Lon, p.Lat)?.Key)).ToList();
    }

    public Task<string?> ManagedTerritoryWktAsync(DateOnly date, CancellationToken ct = default) =>
        _territory.GetAsync(date, async day =>
        {
            var parts = (await AsOfAsync(day, CancellationToken.None)).Where(u => u.Version.Level == UnitLevel.Street).Select(u => u.Geometry).ToList();
            return parts.Count == 0 ? null : WellKnownText.Write(CascadedPolygonUnion.Union(parts));
        }).WaitAsync(ct);

    public async Task<IReadOnlyList<UnitRef>> CommunitiesAsync(DateOnly date, CancellationToken ct = default) =>
        (await AsOfAsync(date, ct)).Where(u => u.Version.Level.Tier() == 1).Select(u => Ref(u)!).OrderBy(u => u.Code, StringComparer.Ordinal).ToList();

    public async Task<Counts> CountAsync(DateOnly date, CancellationToken ct = default)
    {
        var units = await AsOfAsync(date, ct);
        return new Counts(date,
            units.Count(u => u.Version.Level == UnitLevel.Community),
            units.Count(u => u.Version.Level == UnitLevel.Village),
            units.Count(u => u.Version.Level == UnitLevel.Group));
    }

    /// <summary>The seed's figures: communities and villages before and after, and the reduction ratio (%, two decimals).</summary>
    public async Task<Statistics> StatisticsAsync(DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var before = await CountAsync(from, ct);
        var after = await CountAsync(to, ct);
        var reduction = before.CommunitiesAndVillages - after.CommunitiesAndVillages;
        var percent = before.CommunitiesAndVillages == 0 ? 0 : Math.Round(100.0 * reduction / before.CommunitiesAndVillages, 2, MidpointRounding.AwayFromZero);
        var groupReduction = before.Groups - after.Groups;
        var groupPercent = before.Groups == 0 ? 0 : Math.Round(100.0 * groupReduction / before.Groups, 2, MidpointRounding.AwayFromZero);
        var sentence = string.Format(CultureInfo.InvariantCulture,
            "由原来{0}个社区、{1}个村调整为{2}个社区、{3}个村，调减比例达{4:0.00}%",
            before.Communities, before.Villages, after.Communities, after.Villages, percent);
        return new Statistics(before, after, reduction, percent, groupReduction, groupPercent, sentence);
    }

    /// <summary>Parts of the street's territory covered by no community or village on <paramref name="date"/>, larger than <paramref name="minSquareMetres"/>.</summary>
    public async Task<IReadOnlyList<(Geometry Gap, double AreaSquareMetres)>> GapsAsync(DateOnly date, double minSquareMetres, CancellationToken ct = default)
    {
        var units = await AsOfAsync(date, ct);
        var streets = units.Where(u => u.Version.Level == UnitLevel.Street && u.Version.DelegatedFromStreet is null).ToList();
        var covered = units.Where(u => u.Version.Level.Tier() == 1).Select(u => u.Geometry).ToList();
        var gaps = new List<(Geometry, double)>();
        foreach (var street in streets)
        {
            var rest = covered.Count == 0 ? street.Geometry : street.Geometry.Difference(CascadedPolygonUnion.Union(covered));
            for (var i = 0; i < rest.NumGeometries; i++)
            {
                var part = rest.GetGeometryN(i);
                var area = GeometryMeasurement.AreaSquareMetres(part);
                if (area > minSquareMetres)
                    gaps.Add((part, area));
            }
        }
        return gaps;
    }

    /// <summary>The units in force on a date, indexed for point location: all of them, and the communities and villages alone.</summary>
    private sealed class UnitsInForce(IReadOnlyList<UnitAt> units)
    {
        public IReadOnlyList<UnitAt> Units { get; } = units;

        public SpatialIndex<UnitAt> All { get; } = new(units.Select(u => new SpatialIndexEntry<UnitAt>(u, u.Geometry)));

        public SpatialIndex<UnitAt> Communities { get; } =
            new(units.Where(u => u.Version.Level.Tier() == 1).Select(u => new SpatialIndexEntry<UnitAt>(u, u.Geometry)));
    }

    private static UnitRef? Ref(UnitAt? u) =>
        u is null ? null : new UnitRef(u.Id, u.Version.Code, u.Version.Name, u.Version.Level.ToString().ToLowerInvariant());
}
