using NetTopologySuite.Geometries;
using Platform.Spatial;

namespace Platform.Maps.Ogc;

/// <summary>
/// A CRS offered by the OGC API (Part 2), with its URI and its axis order on the wire.
/// </summary>
/// <remarks>
/// Axis order follows the CRS definitions, as Part 2 requires: CRS84 and EPSG:3857 are east-first
/// (lon/lat, easting/northing); EPSG:4326 and EPSG:4490 are lat/lon, and the CGCS2000 Gauss–Krüger zone
/// EPSG:4544 is northing/easting (EPSG's "X" is north). This applies to output coordinates and to
/// <c>bbox</c> values given with <c>bbox-crs</c>. Inside the platform x is always lon/easting.
/// </remarks>
internal sealed record OgcCrs(string Uri, string Code, bool NorthFirst)
{
    /// <summary>
    /// Decimals written for this CRS: 7 for degrees (about 1 cm on the ground), 3 for metres (1 mm), so that a stored
    /// 104.046 is not written as 104.0459999999999 after a conversion.
    /// </summary>
    public int Decimals => Code is "EPSG:4326" or StorageCrs.Code ? 7 : 3;

    public const string Crs84Uri = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";

    public static OgcCrs Crs84 { get; } = new(Crs84Uri, "EPSG:4326", false);

    public static OgcCrs Storage { get; } = Epsg(4490, true);

    /// <summary>The CRSs every collection offers, the default (CRS84) first.</summary>
    public static IReadOnlyList<OgcCrs> Supported { get; } =
        [Crs84, Storage, Epsg(4326, true), Epsg(4544, true), Epsg(3857, false)];

    /// <summary>Resolves a <c>crs</c>/<c>bbox-crs</c> value (URI, URN, <c>EPSG:n</c> or <c>[EPSG:n]</c> safe-CURIE) among <see cref="Supported"/>.</summary>
    public static OgcCrs? Find(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return Crs84;
        var t = text.Trim().Trim('[', ']');
        if (t.Contains("CRS84", StringComparison.OrdinalIgnoreCase))
            return Crs84;
        if (!CrsRegistry.TryResolve(t, out var crs) || crs.Epsg is not { } epsg)
            return null;
        return Supported.FirstOrDefault(s => s != Crs84 && s.Code == $"EPSG:{epsg}");
    }

    /// <summary>Converts a storage (EPSG:4490) geometry to this CRS, x = lon/easting still.</summary>
    public Geometry FromStorage(Geometry geometry) =>
        Code == StorageCrs.Code || Code == "EPSG:4326" ? geometry : CoordinateTransformer.Transform(geometry, StorageCrs.Code, Code);

    /// <summary>Converts a geometry given in this CRS in its wire axis order (a CQL2 literal) to EPSG:4490, x = lon.</summary>
    public Geometry ToStorage(Geometry wire)
    {
        var g = wire.Copy();
        if (NorthFirst)
        {
            g.Apply(new AxisSwap());
            g.GeometryChanged();
        }
        var lonLat = Code == StorageCrs.Code || Code == "EPSG:4326" ? g : CoordinateTransformer.Transform(g, Code, StorageCrs.Code);
        return StorageCrs.Factory.CreateGeometry(lonLat);
    }

    /// <summary>Converts a bbox given in this CRS (wire axis order) to an EPSG:4490 envelope.</summary>
    public Envelope ToStorageEnvelope(double a1, double b1, double a2, double b2)
    {
        var (x1, y1, x2, y2) = NorthFirst ? (b1, a1, b2, a2) : (a1, b1, a2, b2);
        if (Code == StorageCrs.Code || Code == "EPSG:4326")
            return new Envelope(x1, x2, y1, y2);
        // Transform the four corners and edge midpoints: a projected box is not a lon/lat box.
        var points = new List<(double X, double Y)>();
        for (var i = 0; i <= 4; i++)
        {
            var fx = x1 + (x2 - x1) * i / 4;
            var fy = y1 + (y2 - y1) * i / 4;
            points.AddRange([(fx, y1), (fx, y2), (x1, fy), (x2, fy)]);
        }
        var lonLat = CoordinateTransformer.Transform(Code, StorageCrs.Code, points);
        var envelope = new Envelope();
        foreach (var (x, y) in lonLat)
            envelope.ExpandToInclude(x, y);
        return envelope;
    }

    private static OgcCrs Epsg(int code, bool northFirst) => new($"http://www.opengis.net/def/crs/EPSG/0/{code}", $"EPSG:{code}", northFirst);
}

file sealed class AxisSwap : ICoordinateSequenceFilter
{
    public bool Done => false;

    public bool GeometryChanged => true;

    public void Filter(CoordinateSequence seq, int i)
    {
        var x = seq.GetX(i);
        seq.SetX(i, seq.GetY(i));
        seq.SetY(i, x);
    }
}
