using System.Globalization;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Platform.Spatial;

/// <summary>Reads one feature table of a GeoPackage and converts it to EPSG:4490.</summary>
internal static class GeoPackageLayerReader
{
    public static FeatureLayer Read(SqliteConnection connection, GeoPackageImportOptions options)
    {
        if (Scalar(connection, "SELECT count(*) FROM sqlite_master WHERE type='table' AND name='gpkg_contents'") is not 1L)
        {
            throw new FeatureImportException("The file is an SQLite database but not a GeoPackage (no gpkg_contents table).",
                "文件不是 GeoPackage（缺少 gpkg_contents 表）。");
        }

        var table = ChooseTable(connection, options.LayerName);
        var (column, srsId) = GeometryColumn(connection, table);
        var source = options.SourceCrs is { } name ? ImportCrs.Override(name) : SpatialReference(connection, srsId);
        var transformation = CoordinateTransformer.Create(source.Code, StorageCrs.Code);
        var declaredTypes = ColumnTypes(connection, table, out var primaryKey);

        var features = new List<FeatureRecord>();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {GeoPackageSchema.Quote(table)}";
        using var reader = command.ExecuteReader();
        var geometryReader = new GeoPackageGeoReader();
        while (reader.Read())
        {
            Geometry? geometry = null;
            var attributes = new Dictionary<string, object?>(StringComparer.Ordinal);
            for (var i = 0; i < reader.FieldCount; i++)
            {
                var field = reader.GetName(i);
                if (string.Equals(field, column, StringComparison.OrdinalIgnoreCase))
                {
                    geometry = reader.IsDBNull(i) ? null : geometryReader.Read((byte[])reader.GetValue(i));
                }
                else if (!string.Equals(field, primaryKey, StringComparison.OrdinalIgnoreCase))
                {
                    attributes[field] = Value(reader, i, declaredTypes.GetValueOrDefault(field), table);
                }
            }

            features.Add(new FeatureRecord(ImportedGeometry.ToStorage(geometry, transformation, features.Count), attributes));
        }

        return new FeatureLayer(table, features) { SourceCrs = source.Code, SourceEncoding = "UTF-8 (GeoPackage)" };
    }

    private static string ChooseTable(SqliteConnection connection, string? layerName)
    {
        var tables = Strings(connection, "SELECT table_name FROM gpkg_contents WHERE data_type = 'features' ORDER BY table_name");
        if (layerName is not null)
        {
            return tables.FirstOrDefault(t => t == layerName) ?? throw new FeatureImportException(
                $"The GeoPackage has no feature table '{layerName}' (found: {string.Join(", ", tables)}).",
                $"GeoPackage 中没有名为“{layerName}”的要素表。");
        }

        return tables.Count switch
        {
            1 => tables[0],
            0 => throw new FeatureImportException("The GeoPackage holds no feature table.", "GeoPackage 中没有要素表。"),
            _ => throw new FeatureImportException(
                $"The GeoPackage holds several feature tables ({string.Join(", ", tables)}); name the layer to import.",
                $"GeoPackage 中有多个要素表（{string.Join("、", tables)}），请指定要导入的图层。"),
        };
    }

    private static (string Column, long SrsId) GeometryColumn(SqliteConnection connection, string table)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT column_name, srs_id FROM gpkg_geometry_columns WHERE table_name = @t";
        command.Parameters.AddWithValue("@t", table);
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? (reader.GetString(0), reader.GetInt64(1))
            : throw new FeatureImportException($"The table '{table}' has no row in gpkg_geometry_columns.",
                $"要素表“{table}”缺少几何列定义。");
    }

    private static CrsDefinition SpatialReference(SqliteConnection connection, long srsId)
    {
        using var command = connection.CreateCommand();
        command.CommandText =
            "SELECT srs_name, organization, organization_coordsys_id, definition FROM gpkg_spatial_ref_sys WHERE srs_id = @id";
        command.Parameters.AddWithValue("@id", srsId);
        using var reader = command.ExecuteReader();
        if (!reader.Read())
        {
            throw new FeatureImportException($"The GeoPackage's srs_id {srsId} has no row in gpkg_spatial_ref_sys.",
                $"GeoPackage 的坐标系 {srsId} 没有定义。");
        }

        var (name, organization, code, definition) =
            (reader.GetString(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3));
        if (string.Equals(organization, "EPSG", StringComparison.OrdinalIgnoreCase)
            && CrsRegistry.TryResolve(string.Create(CultureInfo.InvariantCulture, $"EPSG:{code}"), out var byCode))
        {
            return byCode;
        }

        if (string.Equals(definition.Trim(), "undefined", StringComparison.OrdinalIgnoreCase))
        {
            throw new FeatureImportException(
                $"The GeoPackage's spatial reference system is undefined (srs_id {srsId}, \"{name}\"); name the source CRS.",
                $"GeoPackage 的坐标系未定义（srs_id {srsId}），请指定源坐标系。");
        }

        return ImportCrs.FromWkt(definition,
            $"the GeoPackage's spatial reference system (srs_id {srsId}, \"{name}\", {organization}:{code})");
    }

    private static Dictionary<string, string> ColumnTypes(SqliteConnection connection, string table, out string? primaryKey)
    {
        primaryKey = null;
        var types = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA table_info({GeoPackageSchema.Quote(table)})";
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            types[reader.GetString(1)] = reader.GetString(2).ToUpperInvariant();
            if (reader.GetInt64(5) == 1)
            {
                primaryKey = reader.GetString(1);
            }
        }

        return types;
    }

    private static object? Value(SqliteDataReader reader, int i, string? declared, string table)
    {
        if (reader.IsDBNull(i))
        {
            return null;
        }

        var value = reader.GetValue(i);
        if (value is string s && AttributeEncodings.LooksGarbled(s))
        {
            throw AttributeEncodings.Garbled($"the GeoPackage table '{table}'", "UTF-8");
        }

        return (declared, value) switch
        {
            ("BOOLEAN", long l) => l != 0,
            ("DATE", string d) when DateOnly.TryParse(d, CultureInfo.InvariantCulture, out var date) => date,
            ("DATETIME", string t) when DateTime.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out var time) => time,
            _ => value,
        };
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private static List<string> Strings(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var result = new List<string>();
        while (reader.Read())
        {
            result.Add(reader.GetString(0));
        }

        return result;
    }
}
