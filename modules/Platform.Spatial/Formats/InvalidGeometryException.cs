namespace Platform.Spatial;

/// <summary>
/// Well-formed input describing a geometry that cannot be built or accepted (a ring that is not closed, too few
/// points, more vertices than allowed). Carries the same result <see cref="GeometryValidator"/> would give.
/// </summary>
public sealed class InvalidGeometryException : Exception
{
    /// <summary>Creates the exception from a failed validation result.</summary>
    public InvalidGeometryException(GeometryValidationResult result)
        : base(result.Reason)
    {
        Result = result;
    }

    /// <summary>Reason (English and Chinese), code and location.</summary>
    public GeometryValidationResult Result { get; }
}
