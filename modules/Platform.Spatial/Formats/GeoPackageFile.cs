using Microsoft.Data.Sqlite;

namespace Platform.Spatial;

/// <summary>
/// GeoPackage (OGC, SQLite) import and export of one feature table.
/// </summary>
/// <remarks>
/// Export writes EPSG:4490 (srs_id 4490 with its EPSG definition) and the attribute columns typed from the values
/// (TEXT, INTEGER, REAL, BOOLEAN, DATE, DATETIME). Import reads the table's spatial reference system (by EPSG
/// organisation code, else its WKT definition) and converts geometry to EPSG:4490; an unknown SRS is an error
/// naming it. Text that did not decode as UTF-8 (U+FFFD) is refused as garbled.
/// </remarks>
public static class GeoPackageFile
{
    /// <summary>Writes the layer to a new GeoPackage file at <paramref name="path"/> (replacing any file there).</summary>
    public static void Export(FeatureLayer layer, string path)
    {
        ArgumentNullException.ThrowIfNull(layer);
        File.Delete(path);
        using var connection = Open(path, SqliteOpenMode.ReadWriteCreate);
        using var transaction = connection.BeginTransaction();
        GeoPackageSchema.Create(connection);
        new GeoPackageLayerWriter(connection, layer).Write();
        transaction.Commit();
    }

    /// <summary>Writes the layer as a GeoPackage to a stream (through a temporary file).</summary>
    public static void Export(FeatureLayer layer, Stream output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var path = TempPath();
        try
        {
            Export(layer, path);
            using var file = File.OpenRead(path);
            file.CopyTo(output);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Reads a feature table from a GeoPackage file.</summary>
    /// <exception cref="FeatureImportException">Not a GeoPackage, no or several feature tables, unknown SRS, garbled text.</exception>
    public static FeatureLayer Import(string path, GeoPackageImportOptions? options = null)
    {
        options ??= new GeoPackageImportOptions();
        try
        {
            using var connection = Open(path, SqliteOpenMode.ReadOnly);
            return GeoPackageLayerReader.Read(connection, options);
        }
        catch (SqliteException ex)
        {
            throw new FeatureImportException($"The file is not a readable GeoPackage: {ex.Message}",
                "文件不是有效的 GeoPackage。", ex);
        }
    }

    /// <summary>Reads a feature table from a GeoPackage held in a stream (through a temporary file).</summary>
    /// <exception cref="FeatureImportException">Not a GeoPackage, no or several feature tables, unknown SRS, garbled text.</exception>
    public static FeatureLayer Import(Stream input, GeoPackageImportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var path = TempPath();
        try
        {
            using (var file = File.Create(path))
            {
                input.CopyTo(file);
            }

            return Import(path, options);
        }
        finally
        {
            File.Delete(path);
        }
    }

    internal static SqliteConnection Open(string path, SqliteOpenMode mode)
    {
        // No pooling: a pooled connection keeps the file open, which blocks deleting or re-reading it.
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = mode,
            Pooling = false,
        }.ToString());
        connection.Open();
        return connection;
    }

    private static string TempPath() =>
        Path.Combine(Path.GetTempPath(), $"platform-spatial-{Guid.NewGuid():N}.gpkg");
}
