using NetTopologySuite.Geometries;
using Platform.Spatial;

namespace Platform.Jurisdiction.Demo;

/// <summary>
/// Illustrative boundaries for the demo: a 4 × 4 grid of cells of 0.02° over Xinglong Street
/// (104.03–104.11°E, 30.36–30.44°N). Interior vertices are shifted by a fixed pseudo-random amount so
/// the lines look drawn rather than ruled; neighbouring cells share their vertices, so they neither
/// overlap nor leave gaps. Not survey data.
/// </summary>
internal static class XinglongGrid
{
    public const double West = 104.03, South = 30.36, Step = 0.02;
    private const int Cells = 4, Nodes = Cells * 2 + 1;

    private static Coordinate Node(int i, int j)
    {
        var x = West + i * Step / 2;
        var y = South + j * Step / 2;
        if (i is > 0 and < Nodes - 1 && j is > 0 and < Nodes - 1)
        {
            // Deterministic jitter of up to ±0.0018° (≈ 170 m), from a small integer hash.
            var h = (i * 73856093) ^ (j * 19349663);
            x += ((h & 0xFF) / 255.0 - 0.5) * 0.0036;
            y += (((h >> 8) & 0xFF) / 255.0 - 0.5) * 0.0036;
        }
        return new Coordinate(Math.Round(x, 6), Math.Round(y, 6));
    }

    /// <summary>The cell in column <paramref name="col"/> (0 = west) and row <paramref name="row"/> (0 = south).</summary>
    public static Polygon Cell(int col, int row)
    {
        int i = col * 2, j = row * 2;
        var ring = new[]
        {
            Node(i, j), Node(i + 1, j), Node(i + 2, j), Node(i + 2, j + 1), Node(i + 2, j + 2),
            Node(i + 1, j + 2), Node(i, j + 2), Node(i, j + 1), Node(i, j),
        };
        return StorageCrs.Factory.CreatePolygon(ring);
    }

    public static Geometry Union(params (int Col, int Row)[] cells) =>
        cells.Select(c => (Geometry)Cell(c.Col, c.Row)).Aggregate((a, b) => a.Union(b));

    /// <summary>The street: the outer ring of the grid.</summary>
    public static Polygon Street()
    {
        var ring = new List<Coordinate>();
        for (var i = 0; i < Nodes; i++) ring.Add(Node(i, 0));
        for (var j = 1; j < Nodes; j++) ring.Add(Node(Nodes - 1, j));
        for (var i = Nodes - 2; i >= 0; i--) ring.Add(Node(i, Nodes - 1));
        for (var j = Nodes - 2; j >= 0; j--) ring.Add(Node(0, j));
        return StorageCrs.Factory.CreatePolygon([.. ring]);
    }

    /// <summary>
    /// <paramref name="count"/> resident-group strips inside the cell, west to east, kept 0.003° inside
    /// the nominal cell edges so they lie within the jittered boundary.
    /// </summary>
    public static Polygon GroupStrip(int col, int row, int index, int count)
    {
        var west = West + col * Step + 0.003;
        var south = South + row * Step + 0.003;
        var width = (Step - 0.006) / count;
        var w = west + index * width;
        return Box(w + 0.0002, south, w + width - 0.0002, south + Step - 0.006);
    }

    public static Polygon Box(double w, double s, double e, double n) =>
        StorageCrs.Factory.CreatePolygon(new[]
        {
            new Coordinate(w, s), new Coordinate(e, s), new Coordinate(e, n), new Coordinate(w, n), new Coordinate(w, s),
        });
}
