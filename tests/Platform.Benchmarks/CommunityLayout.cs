using NetTopologySuite.Densify;
using NetTopologySuite.Geometries;
using NetTopologySuite.Triangulate;
using Platform.Spatial;

namespace Platform.Benchmarks;

/// <summary>
/// A synthetic street: community polygons as Voronoi cells over Xinglong Street's extent, edges densified to ~25 m
/// so each boundary has tens to hundreds of vertices, like surveyed ones.
/// </summary>
internal static class CommunityLayout
{
    public static readonly Envelope Extent = new(104.02, 104.12, 30.33, 30.45);

    public static Polygon[] Create(int count, int seed)
    {
        var random = new Random(seed);
        var sites = Enumerable.Range(0, count)
            .Select(_ => new Coordinate(Extent.MinX + random.NextDouble() * Extent.Width, Extent.MinY + random.NextDouble() * Extent.Height))
            .ToArray();
        var builder = new VoronoiDiagramBuilder { ClipEnvelope = Extent };
        builder.SetSites(sites);
        var cells = builder.GetDiagram(StorageCrs.Factory);
        return Enumerable.Range(0, cells.NumGeometries)
            .Select(i => (Polygon)Densifier.Densify(cells.GetGeometryN(i).Intersection(StorageCrs.Factory.ToGeometry(Extent)), 0.00025))
            .ToArray();
    }
}
