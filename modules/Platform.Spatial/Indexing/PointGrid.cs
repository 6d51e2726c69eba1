using NetTopologySuite.Geometries;

namespace Platform.Spatial;

/// <summary>
/// A uniform grid over the polygonal entries that answers most point-in-polygon questions without geometry: a cell
/// that no boundary crosses lies wholly inside a polygon (or wholly outside it), decided once, at build time, from
/// its centre. Only cells crossed by a boundary leave the question to the polygon's <see cref="SlabPointLocator"/>.
/// </summary>
internal sealed class PointGrid
{
    private const int MinCells = 256;
    private const int MaxCells = 1 << 20;

    private readonly double _minX;
    private readonly double _minY;
    private readonly double _maxX;
    private readonly double _maxY;
    private readonly double _cellWidth;
    private readonly double _cellHeight;
    private readonly int _columns;
    private readonly int _rows;
    private readonly int[] _start;

    // Per cell, in ascending ordinal: ordinal·2 + 1 when the polygon covers the whole cell, ordinal·2 when its boundary crosses it.
    private readonly int[] _items;

    public PointGrid(IReadOnlyList<(int Ordinal, Geometry Polygonal, SlabPointLocator Locator)> polygons)
    {
        var extent = new Envelope();
        var vertices = 0L;
        foreach (var (_, polygonal, _) in polygons)
        {
            extent.ExpandToInclude(polygonal.EnvelopeInternal);
            vertices += polygonal.NumPoints;
        }

        if (extent.IsNull)
        {
            _start = [0];
            _items = [];
            return;
        }

        (_minX, _minY, _maxX, _maxY) = (extent.MinX, extent.MinY, extent.MaxX, extent.MaxY);
        // About four cells per vertex: boundary cells stay a minority, the rest are answered without geometry.
        var target = (int)Math.Clamp(vertices * 4, MinCells, MaxCells);
        var aspect = extent.Width > 0 && extent.Height > 0 ? extent.Width / extent.Height : 1;
        _columns = Math.Clamp((int)Math.Round(Math.Sqrt(target * aspect)), 1, target);
        _rows = Math.Clamp(target / _columns, 1, target);
        _cellWidth = extent.Width > 0 ? extent.Width / _columns : 1;
        _cellHeight = extent.Height > 0 ? extent.Height / _rows : 1;

        var pairs = new List<(int Cell, int Item)>();
        var stamp = new int[_columns * _rows];
        foreach (var (ordinal, polygonal, locator) in polygons)
        {
            MarkBoundary(polygonal, stamp, ordinal + 1);
            var e = polygonal.EnvelopeInternal;
            var (c0, r0, c1, r1) = (Column(e.MinX), Row(e.MinY), Column(e.MaxX), Row(e.MaxY));
            for (var r = r0; r <= r1; r++)
            {
                // Along a row, cells between two boundary cells are all inside or all outside: locate the first only.
                bool? inside = null;
                for (var c = c0; c <= c1; c++)
                {
                    var cell = r * _columns + c;
                    if (stamp[cell] == ordinal + 1)
                    {
                        pairs.Add((cell, ordinal * 2));
                        inside = null;
                        continue;
                    }

                    inside ??= locator.Locate(_minX + (c + 0.5) * _cellWidth, _minY + (r + 0.5) * _cellHeight) != Location.Exterior;
                    if (inside.Value)
                    {
                        pairs.Add((cell, ordinal * 2 + 1));
                    }
                }
            }
        }

        // Counting sort by cell keeps each cell's items in ordinal order.
        _start = new int[_columns * _rows + 1];
        foreach (var (cell, _) in pairs)
        {
            _start[cell + 1]++;
        }

        for (var i = 1; i < _start.Length; i++)
        {
            _start[i] += _start[i - 1];
        }

        _items = new int[pairs.Count];
        var fill = (int[])_start.Clone();
        foreach (var (cell, item) in pairs)
        {
            _items[fill[cell]++] = item;
        }
    }

    /// <summary>The items of the cell holding (x, y); empty outside the grid.</summary>
    public ReadOnlySpan<int> Cell(double x, double y)
    {
        if (!(x >= _minX && x <= _maxX && y >= _minY && y <= _maxY))
        {
            return [];
        }

        var cell = Row(y) * _columns + Column(x);
        return _items.AsSpan(_start[cell], _start[cell + 1] - _start[cell]);
    }

    private void MarkBoundary(Geometry polygonal, int[] stamp, int mark)
    {
        // Edges are walked in steps of half a cell and each step's box, slightly widened, is marked, so every cell
        // an edge touches (even along a cell border) counts as crossed.
        var marginX = _cellWidth * 1e-6;
        var marginY = _cellHeight * 1e-6;
        foreach (var ring in Rings(polygonal))
        {
            var seq = ring.CoordinateSequence;
            for (var i = 1; i < seq.Count; i++)
            {
                double x1 = seq.GetX(i - 1), y1 = seq.GetY(i - 1), x2 = seq.GetX(i), y2 = seq.GetY(i);
                var steps = (int)Math.Clamp(Math.Ceiling(2 * Math.Max(Math.Abs(x2 - x1) / _cellWidth, Math.Abs(y2 - y1) / _cellHeight)), 1, 1 << 22);
                for (var s = 0; s < steps; s++)
                {
                    double t0 = (double)s / steps, t1 = (double)(s + 1) / steps;
                    double ax = x1 + (x2 - x1) * t0, ay = y1 + (y2 - y1) * t0, bx = x1 + (x2 - x1) * t1, by = y1 + (y2 - y1) * t1;
                    var (c0, c1) = (Column(Math.Min(ax, bx) - marginX), Column(Math.Max(ax, bx) + marginX));
                    var (r0, r1) = (Row(Math.Min(ay, by) - marginY), Row(Math.Max(ay, by) + marginY));
                    for (var r = r0; r <= r1; r++)
                    {
                        for (var c = c0; c <= c1; c++)
                        {
                            stamp[r * _columns + c] = mark;
                        }
                    }
                }
            }
        }
    }

    private int Column(double x) => Math.Clamp((int)Math.Floor((x - _minX) / _cellWidth), 0, _columns - 1);

    private int Row(double y) => Math.Clamp((int)Math.Floor((y - _minY) / _cellHeight), 0, _rows - 1);

    private static IEnumerable<LineString> Rings(Geometry geometry)
    {
        for (var i = 0; i < geometry.NumGeometries; i++)
        {
            if (geometry.GetGeometryN(i) is Polygon polygon)
            {
                yield return polygon.ExteriorRing;
                foreach (var hole in polygon.InteriorRings)
                {
                    yield return hole;
                }
            }
        }
    }
}
