using System.Globalization;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Operation.Union;
using Platform.Abstractions.Jurisdiction;
using Platform.Abstractions.Maps;
using Platform.Spatial;

namespace Platform.Plugins.Service.Coverage;

/// <summary>
/// Candidate locations on vacant land for siting: the points of a square grid (in metres, in the local
/// Gauss–Krüger zone) that lie inside the territory the street manages and outside every residential compound
/// and every body of water. Compounds and water are read from the map layers <c>registers-compounds</c> and
/// <c>base-water</c> of the layer catalogue.
/// </summary>
public static class VacantLand
{
    /// <summary>More candidates than this make the siting slow for no gain; a coarser grid is asked for.</summary>
    public const int MaxCandidates = 5000;

    public sealed class TooManyCandidatesException(int count) : Exception(string.Create(CultureInfo.InvariantCulture, $"{count} grid points"))
    {
        public int Count { get; } = count;
    }

    /// <summary>The grid points, or null when no street territory is recorded.</summary>
    /// <exception cref="TooManyCandidatesException">The grid has more than <see cref="MaxCandidates"/> points.</exception>
    public static async Task<IReadOnlyList<SitingCandidate>?> CandidatesAsync(
        double spacingMetres, DateOnly date, IJurisdictionLocator jurisdiction, ILayerCatalog layers, CancellationToken ct)
    {
        if (await jurisdiction.ManagedTerritoryWktAsync(date, ct) is not { } territoryWkt)
            return null;
        var territory = WellKnownText.Read(territoryWkt);
        var zone = GeometryMeasurement.ZoneOf(territory).Code;
        var occupied = new List<Geometry>();
        foreach (var id in new[] { "registers-compounds", "base-water" })
        {
            if (layers.Find(id) is { } layer)
                occupied.AddRange((await layer.QueryAsync(new LayerQuery(null, date, new Dictionary<string, string>()), ct)).Select(f => f.Geometry).OfType<IPolygonal>().Cast<Geometry>());
        }

        var inside = PreparedGeometryFactory.Prepare(CoordinateTransformer.Transform(territory, StorageCrs.Code, zone));
        var taken = occupied.Count == 0 ? null : PreparedGeometryFactory.Prepare(CoordinateTransformer.Transform(UnaryUnionOp.Union(occupied), StorageCrs.Code, zone));
        var box = inside.Geometry.EnvelopeInternal;
        var columns = (long)Math.Floor(box.Width / spacingMetres) + 1;
        var rows = (long)Math.Floor(box.Height / spacingMetres) + 1;
        if (columns * rows > MaxCandidates * 4L)
            throw new TooManyCandidatesException((int)Math.Min(int.MaxValue, columns * rows));
        var factory = new GeometryFactory();
        var points = new List<(double X, double Y)>();
        // The grid starts half a spacing in from the territory's corner, so its points sit in the middle of cells.
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                var p = factory.CreatePoint(new Coordinate(box.MinX + (c + 0.5) * spacingMetres, box.MinY + (r + 0.5) * spacingMetres));
                if (inside.Contains(p) && (taken is null || !taken.Contains(p)))
                    points.Add((p.X, p.Y));
            }
        }
        if (points.Count > MaxCandidates)
            throw new TooManyCandidatesException(points.Count);
        var lonLat = CoordinateTransformer.Transform(zone, StorageCrs.Code, points);
        return lonLat.Select((p, i) => new SitingCandidate(
            string.Create(CultureInfo.InvariantCulture, $"空地{i + 1}（{p.X:0.0000}, {p.Y:0.0000}）"), p.X, p.Y)).ToList();
    }
}
