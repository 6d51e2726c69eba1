using NetTopologySuite.Algorithm;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;

namespace Platform.Spatial;

/// <summary>
/// Point-in-area location prepared for many queries: the polygon's edges are copied into horizontal slabs, so a
/// query counts ray crossings over the few edges of one slab only, in contiguous memory. Same answers as
/// <see cref="IndexedPointInAreaLocator"/> (boundary points are <see cref="Location.Boundary"/>); immutable once
/// built, so safe to share between threads.
/// </summary>
internal sealed class SlabPointLocator : IPointOnGeometryLocator
{
    private readonly Envelope _extent;
    private readonly double _slabHeight;
    private readonly int _lastSlab;
    private readonly int[] _slabStart;
    private readonly Edge[] _edges;

    public SlabPointLocator(Geometry polygonal)
    {
        _extent = polygonal.EnvelopeInternal;
        var edges = new List<Edge>();
        foreach (var ring in Rings(polygonal))
        {
            var c = ring.CoordinateSequence;
            for (var i = 1; i < c.Count; i++)
            {
                edges.Add(new Edge(c.GetX(i - 1), c.GetY(i - 1), c.GetX(i), c.GetY(i)));
            }
        }

        // About two edges per slab on average; a slab holds every edge whose y-range meets it.
        var slabs = Math.Clamp(edges.Count / 2, 1, 4096);
        _lastSlab = slabs - 1;
        _slabHeight = _extent.Height > 0 ? _extent.Height / slabs : 1;
        var start = new int[slabs + 1];
        foreach (var e in edges)
        {
            for (int s = Slab(Math.Min(e.Y1, e.Y2)), last = Slab(Math.Max(e.Y1, e.Y2)); s <= last; s++)
            {
                start[s + 1]++;
            }
        }

        for (var s = 1; s <= slabs; s++)
        {
            start[s] += start[s - 1];
        }

        _slabStart = start;
        _edges = new Edge[start[slabs]];
        var fill = (int[])start.Clone();
        foreach (var e in edges)
        {
            for (int s = Slab(Math.Min(e.Y1, e.Y2)), last = Slab(Math.Max(e.Y1, e.Y2)); s <= last; s++)
            {
                _edges[fill[s]++] = e;
            }
        }
    }

    public Location Locate(Coordinate p) => Locate(p.X, p.Y);

    public Location Locate(double x, double y)
    {
        if (!(x >= _extent.MinX && x <= _extent.MaxX && y >= _extent.MinY && y <= _extent.MaxY))
        {
            return Location.Exterior;
        }

        var slab = Slab(y);
        var crossings = 0;
        for (int i = _slabStart[slab], end = _slabStart[slab + 1]; i < end; i++)
        {
            // The ray-crossing rule of NetTopologySuite's RayCrossingCounter.CountSegment, on plain doubles.
            ref readonly var e = ref _edges[i];
            if (e.X1 < x && e.X2 < x)
            {
                continue;
            }

            if ((x == e.X2 && y == e.Y2) || (x == e.X1 && y == e.Y1))
            {
                return Location.Boundary;
            }

            if (e.Y1 == y && e.Y2 == y)
            {
                if (x >= Math.Min(e.X1, e.X2) && x <= Math.Max(e.X1, e.X2))
                {
                    return Location.Boundary;
                }

                continue;
            }

            if ((e.Y1 > y && e.Y2 <= y) || (e.Y2 > y && e.Y1 <= y))
            {
                var orientation = CGAlgorithmsDD.OrientationIndex(e.X1, e.Y1, e.X2, e.Y2, x, y);
                if (orientation == 0)
                {
                    return Location.Boundary;
                }

                if (e.Y2 < e.Y1)
                {
                    orientation = -orientation;
                }

                if (orientation > 0)
                {
                    crossings++;
                }
            }
        }

        return (crossings & 1) == 1 ? Location.Interior : Location.Exterior;
    }

    private int Slab(double y) => Math.Clamp((int)Math.Floor((y - _extent.MinY) / _slabHeight), 0, _lastSlab);

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

    private readonly record struct Edge(double X1, double Y1, double X2, double Y2);
}
