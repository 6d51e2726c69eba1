namespace Platform.Spatial;

/// <summary>Stable machine-readable codes of <see cref="GeometryValidationResult.Code"/>.</summary>
public static class GeometryValidationCodes
{
    /// <summary>The geometry has no coordinates.</summary>
    public const string Empty = "empty";

    /// <summary>More vertices than <see cref="GeometryValidationOptions.MaxVertices"/>.</summary>
    public const string TooManyVertices = "too-many-vertices";

    /// <summary>A coordinate is NaN or infinite.</summary>
    public const string NotFinite = "not-finite";

    /// <summary>A line with fewer than 2 points or a ring with fewer than 4.</summary>
    public const string TooFewPoints = "too-few-points";

    /// <summary>A polygon ring whose first and last points differ.</summary>
    public const string RingNotClosed = "ring-not-closed";

    /// <summary>Edges of the geometry cross each other.</summary>
    public const string SelfIntersection = "self-intersection";

    /// <summary>A single ring touches or crosses itself.</summary>
    public const string RingSelfIntersection = "ring-self-intersection";

    /// <summary>A hole lies outside its shell.</summary>
    public const string HoleOutsideShell = "hole-outside-shell";

    /// <summary>A hole lies inside another hole.</summary>
    public const string NestedHoles = "nested-holes";

    /// <summary>Holes split the polygon's interior.</summary>
    public const string DisconnectedInterior = "disconnected-interior";

    /// <summary>A polygon of a multipolygon lies inside another.</summary>
    public const string NestedShells = "nested-shells";

    /// <summary>Two rings are identical.</summary>
    public const string DuplicateRings = "duplicate-rings";

    /// <summary>Any other topology error reported by NetTopologySuite.</summary>
    public const string InvalidTopology = "invalid-topology";

    /// <summary>A coordinate lies outside China (<see cref="GeometryValidationOptions.ChinaExtent"/>).</summary>
    public const string OutsideChina = "outside-china";

    /// <summary>A coordinate lies outside the configured street extent.</summary>
    public const string OutsideStreetExtent = "outside-street-extent";
}
