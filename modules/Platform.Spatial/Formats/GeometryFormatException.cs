namespace Platform.Spatial;

/// <summary>Input that is not a well-formed geometry encoding (malformed JSON, wrong GeoJSON structure, non-numbers, bad WKT/WKB).</summary>
public sealed class GeometryFormatException : FormatException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="path">Where in the input, e.g. <c>$.coordinates[0][3][1]</c> for JSON; <c>$</c> for the whole input.</param>
    /// <param name="reason">What is wrong there.</param>
    /// <param name="inner">Underlying parser exception, if any.</param>
    public GeometryFormatException(string path, string reason, Exception? inner = null)
        : base($"{path}: {reason}", inner)
    {
        Path = path;
        Reason = reason;
    }

    /// <summary>Location in the input (JSON path, or <c>$</c>).</summary>
    public string Path { get; }

    /// <summary>What is wrong.</summary>
    public string Reason { get; }
}
