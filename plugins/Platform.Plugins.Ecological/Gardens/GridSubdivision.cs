using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using Platform.Spatial;

namespace Platform.Plugins.Ecological.Gardens;

/// <summary>
/// Subdivides a garden site into a grid of square plots of a target area with paths between them.
/// </summary>
/// <remarks>
/// Works in the site's CGCS2000 3-degree Gauss–Krüger zone (<see cref="GeometryMeasurement.ZoneOf"/>; Chengdu:
/// EPSG:4544): the site is projected with <see cref="CoordinateTransformer"/>, a grid of squares of side
/// √target m with <c>path</c> m between neighbours is laid from the south-west corner of the site's envelope along
/// the zone's grid axes (easting/northing), each square is clipped to the site, and the pieces are projected back to
/// EPSG:4490. A clipped piece smaller than <c>minFraction</c> × target is left as path/verge. Pieces a concave
/// site splits in two are separate plots if each is large enough. Plots are numbered north to south, west to east.
/// </remarks>
internal static class GridSubdivision
{
    public const int MaxPlots = 5000;

    public static IReadOnlyList<Polygon> Subdivide(Geometry site, double targetSquareMetres, double pathMetres, double minFraction)
    {
        var zone = GeometryMeasurement.ZoneOf(site);
        var toPlane = CoordinateTransformer.Create(StorageCrs.Code, zone.Code);
        var toStorage = CoordinateTransformer.Create(zone.Code, StorageCrs.Code);
        var plane = toPlane.Transform(site);
        var prepared = PreparedGeometryFactory.Prepare(plane);
        var side = Math.Sqrt(targetSquareMetres);
        var pitch = side + pathMetres;
        var envelope = plane.EnvelopeInternal;
        var columns = (int)Math.Ceiling((envelope.Width + pathMetres) / pitch);
        var rows = (int)Math.Ceiling((envelope.Height + pathMetres) / pitch);
        if ((long)columns * rows > MaxPlots * 4L)
            throw new ArgumentOutOfRangeException(nameof(targetSquareMetres), $"the grid would have {(long)columns * rows} cells");

        var plots = new List<Polygon>();
        for (var row = rows - 1; row >= 0; row--)
        {
            for (var column = 0; column < columns; column++)
            {
                var x = envelope.MinX + column * pitch;
                var y = envelope.MinY + row * pitch;
                var cell = plane.Factory.ToGeometry(new Envelope(x, x + side, y, y + side));
                if (!prepared.Intersects(cell))
                    continue;
                var piece = prepared.Covers(cell) ? cell : plane.Intersection(cell);
                for (var i = 0; i < piece.NumGeometries; i++)
                {
                    if (piece.GetGeometryN(i) is Polygon part && part.Area >= minFraction * targetSquareMetres)
                        plots.Add((Polygon)toStorage.Transform(part));
                }
            }
        }
        return plots;
    }
}
