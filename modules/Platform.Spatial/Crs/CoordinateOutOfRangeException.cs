namespace Platform.Spatial;

/// <summary>
/// A coordinate that cannot be transformed: NaN or infinite, outside −180..180/−90..90, or outside the
/// area of use of a projected CRS (Gauss–Krüger zone, Web Mercator).
/// </summary>
public sealed class CoordinateOutOfRangeException : Exception
{
    /// <summary>Creates the exception for the coordinate at <paramref name="index"/>.</summary>
    /// <param name="index">Zero-based position of the coordinate in the input (for a geometry: in traversal order).</param>
    /// <param name="reason">Why it was rejected, in English.</param>
    public CoordinateOutOfRangeException(int index, string reason)
        : base($"Coordinate {index}: {reason}")
    {
        Index = index;
        Reason = reason;
    }

    /// <summary>Zero-based position of the offending coordinate.</summary>
    public int Index { get; }

    /// <summary>Why the coordinate was rejected.</summary>
    public string Reason { get; }
}
