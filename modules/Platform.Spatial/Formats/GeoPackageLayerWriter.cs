using System.Globalization;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Platform.Spatial;

/// <summary>Creates and fills one feature table with its gpkg_contents and gpkg_geometry_columns rows.</summary>
internal sealed class GeoPackageLayerWriter(SqliteConnection connection, FeatureLayer layer)
{
    private const string GeometryColumn = "geom";

    public void Write()
    {
        var table = string.IsNullOrWhiteSpace(layer.Name) ? "layer" : layer.Name;
        var fields = layer.FieldNames();
        var idColumn = fields.Any(f => string.Equals(f, "fid", StringComparison.OrdinalIgnoreCase)) ? "fid_1" : "fid";
        var types = fields.Select(f => SqlType(layer.Features.Select(r => r.Attributes.GetValueOrDefault(f)))).ToArray();

        var columns = string.Concat(fields.Select((f, i) => $", {GeoPackageSchema.Quote(f)} {types[i]}"));
        GeoPackageSchema.Execute(connection,
            $"CREATE TABLE {GeoPackageSchema.Quote(table)} ({GeoPackageSchema.Quote(idColumn)} INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, " +
            $"{GeometryColumn} {GeometryTypeName()}{columns})");

        var extent = new Envelope();
        foreach (var feature in layer.Features)
        {
            extent.ExpandToInclude(feature.Geometry.EnvelopeInternal);
        }

        GeoPackageSchema.Execute(connection,
            "INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change, min_x, min_y, max_x, max_y, srs_id) " +
            "VALUES (@t, 'features', @t, '', @now, @minx, @miny, @maxx, @maxy, @srs)",
            ("@t", table), ("@now", DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture)),
            ("@minx", extent.IsNull ? null : extent.MinX), ("@miny", extent.IsNull ? null : extent.MinY),
            ("@maxx", extent.IsNull ? null : extent.MaxX), ("@maxy", extent.IsNull ? null : extent.MaxY),
            ("@srs", StorageCrs.Srid));
        GeoPackageSchema.Execute(connection,
            "INSERT INTO gpkg_geometry_columns VALUES (@t, @c, @type, @srs, 0, 0)",
            ("@t", table), ("@c", GeometryColumn), ("@type", GeometryTypeName()), ("@srs", StorageCrs.Srid));

        using var insert = connection.CreateCommand();
        insert.CommandText =
            $"INSERT INTO {GeoPackageSchema.Quote(table)} ({GeometryColumn}{string.Concat(fields.Select(f => ", " + GeoPackageSchema.Quote(f)))}) " +
            $"VALUES (@g{string.Concat(fields.Select((_, i) => $", @p{i}"))})";
        var writer = new GeoPackageGeoWriter { HandleOrdinates = Ordinates.XY };
        foreach (var feature in layer.Features)
        {
            insert.Parameters.Clear();
            var geometry = feature.Geometry.Copy();
            geometry.SRID = StorageCrs.Srid;
            insert.Parameters.AddWithValue("@g", writer.Write(geometry));
            for (var i = 0; i < fields.Count; i++)
            {
                insert.Parameters.AddWithValue($"@p{i}", SqlValue(feature.Attributes.GetValueOrDefault(fields[i])));
            }

            insert.ExecuteNonQuery();
        }
    }

    private string GeometryTypeName()
    {
        var types = layer.Features.Select(f => f.Geometry.OgcGeometryType).Distinct().ToArray();
        return types.Length == 1 ? types[0].ToString().ToUpperInvariant() : "GEOMETRY";
    }

    private static string SqlType(IEnumerable<object?> values)
    {
        var present = values.Where(v => v is not null).ToArray();
        if (present.Length == 0 || present.Any(v => v is string))
        {
            return "TEXT";
        }

        if (present.All(v => v is long or int or short or byte or sbyte or ushort or uint))
        {
            return "INTEGER";
        }

        if (present.All(v => v is long or int or short or byte or sbyte or ushort or uint or double or float or decimal))
        {
            return "REAL";
        }

        if (present.All(v => v is bool))
        {
            return "BOOLEAN";
        }

        return present.All(v => v is DateOnly) ? "DATE" : present.All(v => v is DateTime) ? "DATETIME" : "TEXT";
    }

    private static object SqlValue(object? value) => value switch
    {
        null => DBNull.Value,
        bool b => b ? 1 : 0,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
        decimal m => (double)m,
        float f => (double)f,
        string or long or int or short or byte or double => value,
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
