using System.Diagnostics;
using System.Globalization;
using Platform.Spatial;

namespace Platform.Benchmarks;

/// <summary>
/// Assigns random points to community polygons with <see cref="SpatialIndex{TKey}"/>.Locate, single-threaded,
/// pinned to one CPU unless --all-cores, and reports points per second for each run and their median.
/// </summary>
internal static class SpatialAssignBenchmark
{
    public static int Run(string[] args)
    {
        var points = Option(args, "--points", 1_000_000);
        var polygons = Option(args, "--polygons", 300);
        var runs = Option(args, "--runs", 7);
        if (!args.Contains("--all-cores") && (OperatingSystem.IsLinux() || OperatingSystem.IsWindows()))
        {
            Process.GetCurrentProcess().ProcessorAffinity = 1;
        }

        Console.WriteLine($"spatial-assign: {points:N0} points, {polygons} polygons, {runs} runs, " +
                          $"{(args.Contains("--all-cores") ? "all cores" : "pinned to CPU 0")}, {Environment.Version}");
        var clock = Stopwatch.StartNew();
        // --gpkg: the communities of a generated city (`city` verb), so PostGIS can be asked about the same polygons.
        var gpkg = Text(args, "--gpkg");
        var communities = gpkg is null ? CommunityLayout.Create(polygons, seed: 300)
            : GeoPackageFile.Import(gpkg).Features.Select(f => f.Geometry).OfType<NetTopologySuite.Geometries.Polygon>().ToArray();
        var generated = clock.ElapsedMilliseconds;
        clock.Restart();
        var index = new SpatialIndex<int>(communities.Select((p, i) => new SpatialIndexEntry<int>(i, p)));
        var firstBuild = clock.ElapsedMilliseconds;
        clock.Restart();
        index = new SpatialIndex<int>(communities.Select((p, i) => new SpatialIndexEntry<int>(i, p)));
        Console.WriteLine($"  {communities.Length} polygons, {communities.Sum(p => p.NumPoints):N0} vertices " +
                          $"(generated in {generated} ms), index built in {firstBuild} ms cold, {clock.ElapsedMilliseconds} ms warm");

        var random = new Random(1);
        var extent = gpkg is null ? CommunityLayout.Extent : communities.Aggregate(new NetTopologySuite.Geometries.Envelope(), (e, p) => { e.ExpandToInclude(p.EnvelopeInternal); return e; });
        var lon = new double[points];
        var lat = new double[points];
        for (var i = 0; i < points; i++)
        {
            lon[i] = extent.MinX + random.NextDouble() * extent.Width;
            lat[i] = extent.MinY + random.NextDouble() * extent.Height;
        }

        if (Text(args, "--write-points") is { } file)
        {
            // The same points for another system: lon,lat per line, round-trip precision.
            using var writer = new StreamWriter(file);
            for (var i = 0; i < points; i++)
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{lon[i]:R},{lat[i]:R}"));
        }

        var counts = new int[communities.Length];
        var warmUp = Assign(index, lon, lat, counts);
        Console.WriteLine($"  warm-up: {warmUp.Assigned:N0} of {points:N0} points assigned");

        var rates = new List<double>();
        var cpuRates = new List<double>();
        for (var run = 1; run <= runs; run++)
        {
            var (assigned, seconds, cpuSeconds) = Assign(index, lon, lat, counts);
            rates.Add(points / seconds);
            cpuRates.Add(points / cpuSeconds);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  run {run}/{runs}: {seconds * 1000:F0} ms wall, {cpuSeconds * 1000:F0} ms CPU, {points / seconds:N0} points/s ({assigned:N0} assigned)"));
        }

        // CPU time is reported beside wall time: on a shared machine the wall figure also measures the neighbours.
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median: {Median(rates):N0} points/s (wall clock), {Median(cpuRates):N0} points per CPU-second, one thread"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"assign-summary points={points} assigned={warmUp.Assigned} median_points_per_s={Median(rates):0} median_points_per_cpu_s={Median(cpuRates):0}"));
        return 0;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static (int Assigned, double Seconds, double CpuSeconds) Assign(SpatialIndex<int> index, double[] lon, double[] lat, int[] counts)
    {
        Array.Clear(counts);
        var assigned = 0;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < lon.Length; i++)
        {
            if (index.Locate(lon[i], lat[i]) is { } entry)
            {
                counts[entry.Key]++;
                assigned++;
            }
        }

        var wall = clock.Elapsed.TotalSeconds;
        return (assigned, wall, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
    }

    private static string? Text(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
