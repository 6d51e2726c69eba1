namespace Platform.Spatial;

/// <summary>
/// A coordinate reference system known to the spatial layer. Whatever the CRS's official axis order,
/// x is always longitude or easting and y latitude or northing.
/// </summary>
public sealed class CrsDefinition
{
    internal CrsDefinition(
        string code, string name, CrsKind kind, int? epsg, AreaOfUse areaOfUse, ICoordinateCodec codec,
        GaussKrugerZone? gaussKruger = null)
    {
        Code = code;
        Name = name;
        Kind = kind;
        Epsg = epsg;
        AreaOfUse = areaOfUse;
        Codec = codec;
        GaussKruger = gaussKruger;
    }

    /// <summary>Canonical code: <c>EPSG:n</c>, <c>GCJ02</c> or <c>BD09</c>.</summary>
    public string Code { get; }

    /// <summary>EPSG name (or a descriptive name for GCJ-02 and BD-09).</summary>
    public string Name { get; }

    /// <summary>Family of the CRS, which fixes the units of x and y (degrees or metres).</summary>
    public CrsKind Kind { get; }

    /// <summary>EPSG code, or null for GCJ-02 and BD-09.</summary>
    public int? Epsg { get; }

    /// <summary>
    /// Where the CRS may be used, in CGCS2000 degrees. Enforced for Gauss–Krüger zones and Web Mercator; for
    /// GCJ-02/BD-09 it is the box inside which the offset applies (outside it GCJ-02 equals WGS 84, as in the reference).
    /// </summary>
    public AreaOfUse AreaOfUse { get; }

    /// <summary>Zone parameters for Gauss–Krüger systems; null otherwise.</summary>
    public GaussKrugerZone? GaussKruger { get; }

    /// <summary>True when x/y are degrees (geographic, GCJ-02, BD-09); false when they are metres.</summary>
    public bool IsAngular => Kind is CrsKind.Geographic or CrsKind.Gcj02 or CrsKind.Bd09;

    internal ICoordinateCodec Codec { get; }

    internal bool EnforcesAreaOfUse => Kind is CrsKind.GaussKruger or CrsKind.WebMercator;

    /// <inheritdoc />
    public override string ToString() => $"{Code} ({Name})";
}
