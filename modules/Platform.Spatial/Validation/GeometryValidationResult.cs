namespace Platform.Spatial;

/// <summary>Outcome of validating a geometry.</summary>
/// <param name="Valid">True when the geometry passed every check.</param>
/// <param name="Reason">Why it failed, in English; null when valid.</param>
/// <param name="Code">One of <see cref="GeometryValidationCodes"/>; null when valid.</param>
/// <param name="Location">Where it failed, <c>[lon, lat]</c> in EPSG:4490; null when valid or when there is no single place.</param>
public sealed record GeometryValidationResult(bool Valid, string? Reason, string? Code, double[]? Location)
{
    /// <summary>The result for a valid geometry.</summary>
    public static GeometryValidationResult Ok { get; } = new(true, null, null, null);

    /// <summary>Why it failed, in Chinese (users of the platform read Chinese); null when valid.</summary>
    public string? ReasonZh { get; init; }

    /// <summary>Creates a failure.</summary>
    /// <param name="code">One of <see cref="GeometryValidationCodes"/>.</param>
    /// <param name="reason">English reason.</param>
    /// <param name="reasonZh">Chinese reason.</param>
    /// <param name="location">Optional <c>[lon, lat]</c>.</param>
    public static GeometryValidationResult Invalid(string code, string reason, string reasonZh, double[]? location = null) =>
        new(false, reason, code, location) { ReasonZh = reasonZh };
}
