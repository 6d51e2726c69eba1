using System.Globalization;

namespace Platform.Spatial;

/// <summary>
/// A longitude/latitude box, in degrees on CGCS2000 (≈ WGS 84), inside which a coordinate reference system may be used.
/// </summary>
/// <param name="West">Western bound, degrees east (−180..180).</param>
/// <param name="South">Southern bound, degrees north (−90..90).</param>
/// <param name="East">Eastern bound, degrees east (−180..180).</param>
/// <param name="North">Northern bound, degrees north (−90..90).</param>
public sealed record AreaOfUse(double West, double South, double East, double North)
{
    /// <summary>The whole globe: every finite longitude in −180..180 and latitude in −90..90.</summary>
    public static AreaOfUse World { get; } = new(-180, -90, 180, 90);

    /// <summary>True when the point lies inside the box or on its edge.</summary>
    /// <param name="lon">Longitude in degrees.</param>
    /// <param name="lat">Latitude in degrees.</param>
    public bool Contains(double lon, double lat) =>
        lon >= West && lon <= East && lat >= South && lat <= North;

    /// <summary>Human-readable bounds, e.g. <c>lon 103.5..106.51, lat 22.5..42.21</c>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"lon {West}..{East}, lat {South}..{North}");
}
