namespace Platform.Spatial;

/// <summary>How <see cref="GeoJson.ReadGeometry(string, GeoJsonReadOptions?)"/> treats its input.</summary>
public sealed class GeoJsonReadOptions
{
    /// <summary>Most positions accepted; reading stops as soon as the count is exceeded. Default 100 000.</summary>
    public int MaxVertices { get; set; } = GeometryValidationOptions.DefaultMaxVertices;

    /// <summary>Close an unclosed polygon ring by repeating its first point instead of refusing it. Default false.</summary>
    public bool CloseRings { get; set; }
}
