using System.Diagnostics;
using System.Globalization;
using NetTopologySuite.Geometries;
using Platform.Spatial;

namespace Platform.Benchmarks;

/// <summary>
/// The service scene's walking distances at the scale of a large street: a grid of streets every
/// <c>--spacing</c> metres over Xinglong Street's extent, <c>--origins</c> compounds each searching the network to
/// 1000 m (the 15-minute circle) and measuring the walk to <c>--targets</c> facilities. Reports the network's build
/// time and, per run, the time for all origins, with the median.
/// </summary>
internal static class WalkingNetworkBenchmark
{
    public static int Run(string[] args)
    {
        var spacing = Option(args, "--spacing", 100);
        var origins = Option(args, "--origins", 1000);
        var targets = Option(args, "--targets", 300);
        var runs = Option(args, "--runs", 7);
        var extent = CommunityLayout.Extent;
        var f = StorageCrs.Factory;
        var lines = new List<Geometry>();
        // Degrees per metre at the extent's middle latitude, to lay the grid out in metres.
        var dLon = spacing / (111_320 * Math.Cos(extent.Centre.Y * Math.PI / 180));
        var dLat = spacing / 110_880.0;
        for (var x = extent.MinX; x <= extent.MaxX; x += dLon)
            lines.Add(f.CreateLineString([new Coordinate(x, extent.MinY), new Coordinate(x, extent.MaxY)]));
        for (var y = extent.MinY; y <= extent.MaxY; y += dLat)
            lines.Add(f.CreateLineString([new Coordinate(extent.MinX, y), new Coordinate(extent.MaxX, y)]));

        Console.WriteLine($"walking-network: streets every {spacing} m ({lines.Count} lines), {origins} origins × {targets} targets, search to 1000 m, {runs} runs, {Environment.Version}");
        var clock = Stopwatch.StartNew();
        var network = WalkingNetwork.Build(lines);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  built in {clock.ElapsedMilliseconds} ms: {network.NodeCount:N0} nodes, {network.EdgeCount:N0} edges, {network.LengthMetres / 1000:N0} km, {network.Components} component(s)"));

        var random = new Random(7);
        (double Lon, double Lat) RandomPoint() => (extent.MinX + random.NextDouble() * extent.Width, extent.MinY + random.NextDouble() * extent.Height);
        var from = Enumerable.Range(0, origins).Select(_ => RandomPoint()).ToArray();
        var to = Enumerable.Range(0, targets).Select(_ => RandomPoint()).ToArray();
        clock.Restart();
        var toSnapped = to.Select(p => network.Snap(p.Lon, p.Lat, 300)).ToArray();
        var fromSnapped = from.Select(p => network.Snap(p.Lon, p.Lat, 300)).ToArray();
        Console.WriteLine($"  snapped {origins + targets} places in {clock.ElapsedMilliseconds} ms");

        var times = new List<double>();
        var straightTimes = new List<double>();
        for (var run = 0; run <= runs; run++)
        {
            // Side by side: the straight-line alternative for the same pairs (projected into the zone, × 1.3).
            clock.Restart();
            var near = 0L;
            foreach (var (lon, lat) in from)
            {
                foreach (var (tLon, tLat) in to)
                {
                    if (GeometryMeasurement.DistanceMetres(lon, lat, tLon, tLat) * 1.3 <= 1000)
                        near++;
                }
            }
            if (run > 0)
                straightTimes.Add(clock.Elapsed.TotalMilliseconds);

            clock.Restart();
            var reached = 0L;
            foreach (var origin in fromSnapped)
            {
                if (origin is null)
                    continue;
                var reach = network.From(origin, 1000);
                foreach (var target in toSnapped)
                {
                    if (target is not null && reach.To(target) is not null)
                        reached++;
                }
            }
            var ms = clock.Elapsed.TotalMilliseconds;
            if (run == 0)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  warm-up: {ms:F0} ms, {reached:N0} pairs within 1000 m"));
                continue;
            }
            times.Add(ms);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  run {run}/{runs}: road network {ms:F0} ms ({ms * 1000 / origins:F0} µs per origin, {reached:N0} pairs within reach); straight line × 1.3 {straightTimes[^1]:F0} ms ({near:N0} pairs)"));
        }
        times.Sort();
        straightTimes.Sort();
        var median = times[times.Count / 2];
        var straightMedian = straightTimes[straightTimes.Count / 2];
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median: road network {median:F0} ms, straight line {straightMedian:F0} ms for {origins} origins × {targets} targets; ratio network/straight {median / straightMedian:F2}"));
        return 0;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var v) ? v : fallback;
    }
}
