namespace Platform.Spatial;

/// <summary>A coordinate reference system name, code or definition that the spatial layer does not know.</summary>
public sealed class UnknownCrsException : Exception
{
    /// <summary>Creates the exception for the name (or definition) that was given.</summary>
    /// <param name="given">What the caller or the file named, verbatim (may be empty).</param>
    /// <param name="detail">Optional explanation appended to the message.</param>
    public UnknownCrsException(string given, string? detail = null)
        : base($"Unknown coordinate reference system '{given}'. {detail ?? Supported}".TrimEnd())
    {
        Given = given;
    }

    /// <summary>The name, code or definition that was not recognised.</summary>
    public string Given { get; }

    internal const string Supported =
        "Supported: EPSG:4326, EPSG:4490, EPSG:3857, CGCS2000 Gauss–Krüger EPSG:4491–4554, GCJ02, BD09 (and OGC:CRS84).";
}
