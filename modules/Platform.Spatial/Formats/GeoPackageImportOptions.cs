namespace Platform.Spatial;

/// <summary>How <see cref="GeoPackageFile"/> reads a GeoPackage.</summary>
public sealed class GeoPackageImportOptions
{
    /// <summary>Feature table to read when the file holds several.</summary>
    public string? LayerName { get; set; }

    /// <summary>Source CRS name overriding the file's spatial reference system (needed when it is undefined).</summary>
    public string? SourceCrs { get; set; }
}
