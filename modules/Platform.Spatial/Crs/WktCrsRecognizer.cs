using System.Globalization;
using System.Text;

namespace Platform.Spatial;

/// <summary>
/// Recognises a CRS definition (WKT 1 in OGC or ESRI flavour, as in a Shapefile <c>.prj</c>; WKT 2) as one of the
/// registry's systems: by a top-level EPSG authority first, otherwise by datum and projection parameters
/// (CGCS2000 + transverse Mercator/Gauss–Krüger + central meridian + false easting), otherwise by name.
/// </summary>
public static class WktCrsRecognizer
{
    private static readonly string[] ProjectedKeywords = ["PROJCS", "PROJCRS", "PROJECTEDCRS"];
    private static readonly string[] GeographicKeywords =
        ["GEOGCS", "GEOGCRS", "GEOGRAPHICCRS", "GEODCRS", "GEODETICCRS", "BASEGEOGCRS", "BASEGEODCRS"];

    /// <summary>Recognises the definition.</summary>
    /// <param name="wkt">The WKT text.</param>
    /// <exception cref="UnknownCrsException">Not parseable or not a supported system; the message names what was found.</exception>
    public static CrsDefinition Recognize(string wkt)
    {
        ArgumentNullException.ThrowIfNull(wkt);
        WktNode root;
        try
        {
            root = WktNode.Parse(wkt.Trim());
        }
        catch (FormatException ex)
        {
            throw new UnknownCrsException(Shorten(wkt), $"The definition is not readable WKT ({ex.Message}).");
        }

        if (Authority(root) is { } code && CrsRegistry.TryResolve(code, out var byCode))
        {
            return byCode;
        }

        var isProjected = ProjectedKeywords.Contains(root.Keyword, StringComparer.OrdinalIgnoreCase);
        var geographic = isProjected ? root.Child(GeographicKeywords) : root;
        var datum = geographic is null ? null : DatumOf(geographic);
        var found = Describe(root, geographic);
        if (datum is null)
        {
            throw new UnknownCrsException(found, "Its datum is neither CGCS2000 nor WGS 84. " +
                "Re-project the data to CGCS2000 (EPSG:4490) first; Xi'an 1980 and Beijing 1954 need local parameters.");
        }

        if (!isProjected)
        {
            return GeographicKeywords.Contains(root.Keyword, StringComparer.OrdinalIgnoreCase)
                ? CrsRegistry.Resolve(datum)
                : throw new UnknownCrsException(found, "It is neither a geographic nor a projected system.");
        }

        return Projected(root, datum) ?? throw new UnknownCrsException(found,
            "Only CGCS2000 Gauss–Krüger zones (EPSG:4491–4554) and Web Mercator (EPSG:3857) are supported as projected systems.");
    }

    private static CrsDefinition? Projected(WktNode root, string datum)
    {
        var name = Normalize(root.Name);
        var projection = Normalize(root.Child("PROJECTION")?.Name ?? root.Child("CONVERSION")?.Child("METHOD")?.Name);
        if (name.Contains("WEB_MERCATOR") || name.Contains("PSEUDO_MERCATOR") || projection.Contains("MERCATOR_AUXILIARY_SPHERE")
            || projection.Contains("POPULAR_VISUALISATION"))
        {
            return CrsRegistry.Resolve(3857);
        }

        if (datum != "EPSG:4490" || !(projection.Contains("TRANSVERSE_MERCATOR") || projection.Contains("GAUSS_KRUGER")))
        {
            return null;
        }

        var parameters = Parameters(root);
        if (!Near(parameters, "SCALE", 1) || !Near(parameters, "LATITUDE", 0) || !Near(parameters, "FALSE_NORTHING", 0)
            || Get(parameters, "CENTRAL_MERIDIAN", "LONGITUDE_OF_NATURAL_ORIGIN", "LONGITUDE_OF_ORIGIN") is not { } cm
            || Get(parameters, "FALSE_EASTING") is not { } fe)
        {
            return null;
        }

        var sixDegreeName = name.Contains("GK") || name.Contains("GAUSS_KRUGER")
            ? !name.Contains("3_DEGREE")
            : false;
        var epsg = GaussKrugerCode(cm, fe, sixDegreeName);
        return epsg is null ? null : CrsRegistry.Resolve(epsg.Value);
    }

    private static int? GaussKrugerCode(double cm, double fe, bool preferSixDegree)
    {
        if (Math.Abs(cm - Math.Round(cm)) > 1e-9)
        {
            return null;
        }

        var meridian = (int)Math.Round(cm);
        if (Math.Abs(fe - 500_000) < 1e-6)
        {
            var six = (meridian + 3) % 6 == 0 && meridian is >= 75 and <= 135;
            var three = meridian % 3 == 0 && meridian is >= 75 and <= 135;
            if (six && (preferSixDegree || !three))
            {
                return 4502 + (meridian - 75) / 6;
            }

            return three ? 4534 + (meridian - 75) / 3 : null;
        }

        var zone = (fe - 500_000) / 1_000_000;
        if (Math.Abs(zone - Math.Round(zone)) > 1e-9)
        {
            return null;
        }

        var n = (int)Math.Round(zone);
        return n switch
        {
            >= 25 and <= 45 when meridian == 3 * n => 4513 + n - 25,
            >= 13 and <= 23 when meridian == 6 * n - 3 => 4491 + n - 13,
            _ => null,
        };
    }

    /// <summary>"EPSG:4490" or "EPSG:4326" when the geographic part is CGCS2000 or WGS 84, else null.</summary>
    private static string? DatumOf(WktNode geographic)
    {
        var names = new[] { geographic.Name, geographic.Child("DATUM", "GEODETICDATUM", "TRF")?.Name }
            .Select(Normalize).ToArray();
        var spheroid = geographic.Child("DATUM", "GEODETICDATUM", "TRF")?.Child("SPHEROID", "ELLIPSOID");
        var (a, rf) = (spheroid?.Number(1), spheroid?.Number(2));
        if (names.Any(n => n.Contains("CGCS2000") || n.Contains("CHINA_2000") || n.Contains("CHINA_GEODETIC_COORDINATE_SYSTEM_2000"))
            || (a == 6378137 && rf is { } f && Math.Abs(f - 298.257222101) < 1e-9 && Normalize(spheroid?.Name).Contains("CGCS")))
        {
            return "EPSG:4490";
        }

        if (names.Any(n => n is "WGS_84" or "WGS84" or "GCS_WGS_1984" or "WGS_1984" or "D_WGS_1984" or "WORLD_GEODETIC_SYSTEM_1984")
            && a is null or 6378137)
        {
            return "EPSG:4326";
        }

        return null;
    }

    private static string? Authority(WktNode root)
    {
        var authority = root.Child("AUTHORITY", "ID");
        if (authority is null || authority.Args.Count < 2 || authority.Name is not { } org)
        {
            return null;
        }

        var code = authority.Args[1] switch
        {
            string s => s,
            double d => d.ToString(CultureInfo.InvariantCulture),
            _ => null,
        };
        return code is null ? null : $"{org}:{code}";
    }

    private static Dictionary<string, double> Parameters(WktNode root)
    {
        var source = root.Child("CONVERSION") ?? root;
        var result = new Dictionary<string, double>();
        foreach (var p in source.Children("PARAMETER"))
        {
            if (p.Name is { } n && p.Number(1) is { } v)
            {
                result[Normalize(n)] = v;
            }
        }

        return result;
    }

    private static double? Get(Dictionary<string, double> parameters, params string[] names)
    {
        foreach (var name in names)
        {
            if (parameters.TryGetValue(name, out var v))
            {
                return v;
            }
        }

        return null;
    }

    // Missing optional parameters default to the Gauss–Krüger values; present ones must match.
    private static bool Near(Dictionary<string, double> parameters, string prefix, double expected)
    {
        foreach (var (key, value) in parameters)
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal) && Math.Abs(value - expected) > 1e-9)
            {
                return false;
            }
        }

        return true;
    }

    private static string Describe(WktNode root, WktNode? geographic)
    {
        var sb = new StringBuilder($"{root.Keyword} \"{root.Name}\"");
        var datum = geographic?.Child("DATUM", "GEODETICDATUM", "TRF")?.Name;
        if (datum is not null)
        {
            sb.Append($" (datum \"{datum}\")");
        }

        return sb.ToString();
    }

    private static string Normalize(string? s)
    {
        if (s is null)
        {
            return "";
        }

        var sb = new StringBuilder(s.Length);
        foreach (var c in s.ToUpperInvariant())
        {
            var keep = char.IsLetterOrDigit(c) ? c : '_';
            if (keep != '_' || (sb.Length > 0 && sb[^1] != '_'))
            {
                sb.Append(keep);
            }
        }

        return sb.ToString().Trim('_');
    }

    private static string Shorten(string s) => s.Length <= 120 ? s : s[..120] + "…";
}
