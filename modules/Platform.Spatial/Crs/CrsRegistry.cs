using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using ProjNet.CoordinateSystems;

namespace Platform.Spatial;

/// <summary>
/// Resolves CRS names to definitions: <c>EPSG:4326</c>, <c>EPSG:4490</c> (storage CRS), <c>EPSG:3857</c>,
/// the CGCS2000 Gauss–Krüger zones EPSG:4491–4554, <c>GCJ02</c> and <c>BD09</c>.
/// </summary>
/// <remarks>
/// Accepted spellings (case-insensitive): <c>EPSG:n</c>, <c>EPSG::n</c>, <c>urn:ogc:def:crs:EPSG::n</c>,
/// <c>http(s)://www.opengis.net/def/crs/EPSG/0/n</c>; <c>CRS84</c>, <c>OGC:CRS84</c> and their URN/URI forms
/// (resolved to EPSG:4326, since x is always longitude here); <c>GCJ02</c>/<c>GCJ-02</c>; <c>BD09</c>/<c>BD-09</c>/<c>BD09LL</c>;
/// <c>EPSG:900913</c> and <c>ESRI:102100</c> for Web Mercator. Thread-safe.
/// </remarks>
public static class CrsRegistry
{
    private static readonly Dictionary<int, Lazy<CrsDefinition>> ByEpsg = BuildEpsgTable();

    /// <summary>The GCJ-02 definition (Amap, Tencent).</summary>
    public static CrsDefinition Gcj02 { get; } = new("GCJ02", "GCJ-02 (WGS 84 with the GCJ-02 offset)", CrsKind.Gcj02,
        null, Gcj02Offset.China, Gcj02Codec.Instance);

    /// <summary>The BD-09 definition (Baidu).</summary>
    public static CrsDefinition Bd09 { get; } = new("BD09", "BD-09 (GCJ-02 with Baidu's offset)", CrsKind.Bd09,
        null, Gcj02Offset.China, Bd09Codec.Instance);

    /// <summary>The storage CRS, EPSG:4490 (CGCS2000 geographic, x = longitude, y = latitude, degrees).</summary>
    public static CrsDefinition Storage => ByEpsg[4490].Value;

    /// <summary>Every known CRS, EPSG codes ascending, then GCJ02 and BD09.</summary>
    public static IReadOnlyList<CrsDefinition> All { get; } =
        [.. ByEpsg.OrderBy(p => p.Key).Select(p => p.Value.Value), Gcj02, Bd09];

    /// <summary>Resolves a CRS name.</summary>
    /// <param name="name">A name in one of the accepted spellings.</param>
    /// <exception cref="UnknownCrsException">The name is null, empty or not known; the message repeats it.</exception>
    public static CrsDefinition Resolve(string? name) =>
        TryResolve(name, out var crs) ? crs : throw new UnknownCrsException(name ?? "");

    /// <summary>Resolves a CRS name without throwing.</summary>
    public static bool TryResolve(string? name, [NotNullWhen(true)] out CrsDefinition? crs)
    {
        crs = null;
        if (string.IsNullOrWhiteSpace(name))
        {
            return false;
        }

        var key = name.Trim().ToUpperInvariant();
        switch (key.Replace("-", "").Replace("_", ""))
        {
            case "GCJ02":
                crs = Gcj02;
                return true;
            case "BD09" or "BD09LL":
                crs = Bd09;
                return true;
        }

        if (key is "CRS84" or "OGC:CRS84" or "URN:OGC:DEF:CRS:OGC:1.3:CRS84" or "URN:OGC:DEF:CRS:OGC::CRS84"
            || key.EndsWith("OPENGIS.NET/DEF/CRS/OGC/1.3/CRS84", StringComparison.Ordinal))
        {
            crs = ByEpsg[4326].Value;
            return true;
        }

        if (key is "ESRI:102100" or "ESRI:102113")
        {
            crs = ByEpsg[3857].Value;
            return true;
        }

        if (TryEpsgNumber(key, out var code))
        {
            if (code is 900913 or 3785)
            {
                code = 3857;
            }

            if (ByEpsg.TryGetValue(code, out var lazy))
            {
                crs = lazy.Value;
                return true;
            }
        }

        return false;
    }

    /// <summary>Resolves an EPSG code.</summary>
    /// <exception cref="UnknownCrsException">The code is not one the spatial layer knows.</exception>
    public static CrsDefinition Resolve(int epsg) => Resolve($"EPSG:{epsg}");

    private static bool TryEpsgNumber(string key, out int code)
    {
        code = 0;
        string? digits = null;
        foreach (var prefix in (string[])["EPSG::", "EPSG:", "URN:OGC:DEF:CRS:EPSG::"])
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal))
            {
                digits = key[prefix.Length..];
                break;
            }
        }

        if (digits is null && key.StartsWith("URN:OGC:DEF:CRS:EPSG:", StringComparison.Ordinal))
        {
            digits = key[(key.LastIndexOf(':') + 1)..];
        }

        var uri = key.IndexOf("OPENGIS.NET/DEF/CRS/EPSG/", StringComparison.Ordinal);
        if (digits is null && uri >= 0)
        {
            digits = key[(key.LastIndexOf('/') + 1)..];
        }

        return digits is not null && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out code);
    }

    private static Dictionary<int, Lazy<CrsDefinition>> BuildEpsgTable()
    {
        var table = new Dictionary<int, Lazy<CrsDefinition>>
        {
            [4326] = new(() => new CrsDefinition("EPSG:4326", "WGS 84", CrsKind.Geographic, 4326, AreaOfUse.World,
                GeographicCodec.Instance)),
            [4490] = new(() => new CrsDefinition("EPSG:4490", "China Geodetic Coordinate System 2000", CrsKind.Geographic,
                4490, AreaOfUse.World, GeographicCodec.Instance)),
            // ProjNET's built-in Web Mercator; a GDAL-style WKT for 3857 puts y 21.6 km off in ProjNET (DESIGN.md).
            [3857] = new(() => new CrsDefinition("EPSG:3857", "WGS 84 / Pseudo-Mercator", CrsKind.WebMercator, 3857,
                new AreaOfUse(-180, -85.06, 180, 85.06),
                new ProjNetCodec(GeographicCoordinateSystem.WGS84, ProjectedCoordinateSystem.WebMercator))),
        };
        for (var epsg = 4491; epsg <= 4554; epsg++)
        {
            var code = epsg;
            table[code] = new Lazy<CrsDefinition>(() => GaussKrugerZones.Create(code));
        }

        return table;
    }
}
