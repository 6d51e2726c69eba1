using System.Diagnostics;
using System.Globalization;

namespace Platform.Testing;

/// <summary>PROJ as the independent reference of host-level tests (Debian proj-bin): geod for distances, cs2cs for zones.</summary>
public static class Proj
{
    /// <summary>Geodesic distance in metres between two lon/lat points on GRS 80 (CGCS2000's ellipsoid), by geod.</summary>
    public static double Geod(double lon1, double lat1, double lon2, double lat2)
    {
        var fields = Run("geod", ["+ellps=GRS80", "-I", "+units=m", "-f", "%.4f"], string.Create(CultureInfo.InvariantCulture, $"{lat1} {lon1} {lat2} {lon2}"));
        return double.Parse(fields[^1], CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A point of a CGCS2000 Gauss–Krüger zone (<paramref name="epsg"/>, easting <paramref name="x"/>, northing
    /// <paramref name="y"/> in metres) as EPSG:4490 lon/lat, by cs2cs (which reads northing first and writes latitude first).
    /// </summary>
    public static (double Lon, double Lat) FromGaussKruger(int epsg, double x, double y)
    {
        var fields = Run("cs2cs", ["-f", "%.12f", $"EPSG:{epsg}", "EPSG:4490"], string.Create(CultureInfo.InvariantCulture, $"{y:R} {x:R}"));
        return (double.Parse(fields[1], CultureInfo.InvariantCulture), double.Parse(fields[0], CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// EPSG:4490 lon/lat points as easting/northing in metres of the CGCS2000 Gauss–Krüger zone <paramref name="epsg"/>,
    /// by one cs2cs run (it reads latitude first and writes northing first for these zones).
    /// </summary>
    public static List<(double X, double Y)> ToGaussKruger(int epsg, IReadOnlyList<(double Lon, double Lat)> points)
    {
        var input = string.Join('\n', points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Lat:R} {p.Lon:R}")));
        var fields = Run("cs2cs", ["-f", "%.4f", "EPSG:4490", $"EPSG:{epsg}"], input);
        var result = new List<(double X, double Y)>();
        for (var i = 0; i + 1 < fields.Length && result.Count < points.Count; i += 3)
            result.Add((double.Parse(fields[i + 1], CultureInfo.InvariantCulture), double.Parse(fields[i], CultureInfo.InvariantCulture)));
        return result;
    }

    /// <summary>Many points of zone <paramref name="epsg"/> (easting, northing) as EPSG:4490 lon/lat, by one cs2cs run.</summary>
    public static List<(double Lon, double Lat)> FromGaussKruger(int epsg, IReadOnlyList<(double X, double Y)> points)
    {
        var input = string.Join('\n', points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Y:R} {p.X:R}")));
        var fields = Run("cs2cs", ["-f", "%.12f", $"EPSG:{epsg}", "EPSG:4490"], input);
        var result = new List<(double Lon, double Lat)>();
        for (var i = 0; i + 1 < fields.Length && result.Count < points.Count; i += 3)
            result.Add((double.Parse(fields[i + 1], CultureInfo.InvariantCulture), double.Parse(fields[i], CultureInfo.InvariantCulture)));
        return result;
    }

    /// <summary>Geodesic distances in metres on GRS 80 between many pairs of lon/lat points, by one geod run.</summary>
    public static List<double> Geod(IReadOnlyList<((double Lon, double Lat) A, (double Lon, double Lat) B)> pairs)
    {
        var input = string.Join('\n', pairs.Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.A.Lat:R} {p.A.Lon:R} {p.B.Lat:R} {p.B.Lon:R}")));
        var fields = Run("geod", ["+ellps=GRS80", "-I", "+units=m", "-f", "%.4f"], input);
        return [.. Enumerable.Range(0, pairs.Count).Select(i => double.Parse(fields[(i * 3) + 2], CultureInfo.InvariantCulture))];
    }

    private static string[] Run(string program, string[] arguments, string input)
    {
        var psi = new ProcessStartInfo(program, arguments) { RedirectStandardInput = true, RedirectStandardOutput = true };
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"{program} is missing: apt-get install proj-bin");
        p.StandardInput.WriteLine(input);
        p.StandardInput.Close();
        var output = p.StandardOutput.ReadToEnd();
        p.WaitForExit();
        return output.Split([' ', '\t', '\n'], StringSplitOptions.RemoveEmptyEntries);
    }
}
