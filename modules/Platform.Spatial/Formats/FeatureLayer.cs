namespace Platform.Spatial;

/// <summary>A named collection of features in EPSG:4490, the unit of import and export.</summary>
/// <param name="Name">Layer name (file or table name without extension).</param>
/// <param name="Features">The features, in file order.</param>
public sealed record FeatureLayer(string Name, IReadOnlyList<FeatureRecord> Features)
{
    /// <summary>For an imported layer: the CRS the file was in (converted to EPSG:4490 on import).</summary>
    public string? SourceCrs { get; init; }

    /// <summary>For an imported layer: the text encoding used and how it was chosen, e.g. <c>GBK (.cpg)</c>.</summary>
    public string? SourceEncoding { get; init; }

    /// <summary>Attribute names in order of first appearance across features.</summary>
    public IReadOnlyList<string> FieldNames() =>
        Features.SelectMany(f => f.Attributes.Keys).Distinct(StringComparer.Ordinal).ToArray();
}
