using System.Globalization;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace Platform.Spatial;

/// <summary>
/// Creates and fills one feature table with its gpkg_contents and gpkg_geometry_columns rows and its R-tree index.
/// </summary>
/// <remarks>
/// The primary key is always <c>fid</c> (what GDAL and QGIS expect); an attribute of that name (any case) is written as
/// <c>fid_1</c> (<c>fid_2</c>… if taken), since GDAL refuses a non-key column named like the key when it copies the layer.
/// The geometry column is typed when the layer is uniform once single and multi parts are merged: polygons mixed with
/// multipolygons are written as MULTIPOLYGON, and so on; only a layer of several kinds is GEOMETRY.
/// </remarks>
internal sealed class GeoPackageLayerWriter(SqliteConnection connection, FeatureLayer layer)
{
    private const string GeometryColumn = "geom";
    private const string IdColumn = "fid";

    public void Write()
    {
        var table = string.IsNullOrWhiteSpace(layer.Name) ? "layer" : layer.Name;
        var fields = layer.FieldNames();
        var columnNames = ColumnNames(fields);
        var idColumn = IdColumn;
        var types = fields.Select(f => SqlType(layer.Features.Select(r => r.Attributes.GetValueOrDefault(f)))).ToArray();
        var geometryType = GeometryTypeName();

        var columns = string.Concat(fields.Select((f, i) => $", {GeoPackageSchema.Quote(columnNames[i])} {types[i]}"));
        GeoPackageSchema.Execute(connection,
            $"CREATE TABLE {GeoPackageSchema.Quote(table)} ({GeoPackageSchema.Quote(idColumn)} INTEGER PRIMARY KEY AUTOINCREMENT NOT NULL, " +
            $"{GeometryColumn} {geometryType}{columns})");

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
            ("@t", table), ("@c", GeometryColumn), ("@type", geometryType), ("@srs", StorageCrs.Srid));
        GeoPackageSpatialIndex.Create(connection, table, GeometryColumn);

        using var insert = connection.CreateCommand();
        insert.CommandText =
            $"INSERT INTO {GeoPackageSchema.Quote(table)} ({GeoPackageSchema.Quote(idColumn)}, {GeometryColumn}{string.Concat(columnNames.Select(f => ", " + GeoPackageSchema.Quote(f)))}) " +
            $"VALUES (@fid, @g{string.Concat(fields.Select((_, i) => $", @p{i}"))})";
        var writer = new GeoPackageGeoWriter { HandleOrdinates = Ordinates.XY };
        long fid = 0;
        foreach (var feature in layer.Features)
        {
            insert.Parameters.Clear();
            insert.Parameters.AddWithValue("@fid", ++fid);
            var geometry = AsDeclared(feature.Geometry.Copy(), geometryType);
            geometry.SRID = StorageCrs.Srid;
            insert.Parameters.AddWithValue("@g", writer.Write(geometry));
            for (var i = 0; i < fields.Count; i++)
            {
                insert.Parameters.AddWithValue($"@p{i}", SqlValue(feature.Attributes.GetValueOrDefault(fields[i])));
            }

            insert.ExecuteNonQuery();
            GeoPackageSpatialIndex.Add(connection, table, GeometryColumn, fid, geometry.EnvelopeInternal);
        }

        GeoPackageSpatialIndex.AddTriggers(connection, table, GeometryColumn, idColumn);
    }

    private static string[] ColumnNames(IReadOnlyList<string> fields)
    {
        var used = new HashSet<string>(fields, StringComparer.OrdinalIgnoreCase) { IdColumn, GeometryColumn };
        return fields.Select(f =>
        {
            if (!string.Equals(f, IdColumn, StringComparison.OrdinalIgnoreCase) && !string.Equals(f, GeometryColumn, StringComparison.OrdinalIgnoreCase))
                return f;
            var n = 1;
            while (!used.Add($"{f}_{n}"))
                n++;
            return $"{f}_{n}";
        }).ToArray();
    }

    private string GeometryTypeName()
    {
        var types = layer.Features.Select(f => f.Geometry.OgcGeometryType).Distinct().ToArray();
        if (types.Length == 1)
            return types[0].ToString().ToUpperInvariant();
        var multi = types.Select(t => t switch
        {
            OgcGeometryType.Point => OgcGeometryType.MultiPoint,
            OgcGeometryType.LineString => OgcGeometryType.MultiLineString,
            OgcGeometryType.Polygon => OgcGeometryType.MultiPolygon,
            _ => t,
        }).Distinct().ToArray();
        return multi.Length == 1 ? multi[0].ToString().ToUpperInvariant() : "GEOMETRY";
    }

    /// <summary>A single part as a one-part multi geometry when the column is declared multi.</summary>
    private static Geometry AsDeclared(Geometry geometry, string declared) => (declared, geometry) switch
    {
        ("MULTIPOLYGON", Polygon p) => p.Factory.CreateMultiPolygon([p]),
        ("MULTILINESTRING", LineString l) => l.Factory.CreateMultiLineString([l]),
        ("MULTIPOINT", Point pt) => pt.Factory.CreateMultiPoint([pt]),
        _ => geometry,
    };

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

        return present.All(v => v is DateOnly) ? "DATE" : present.All(v => v is DateTime or DateTimeOffset) ? "DATETIME" : "TEXT";
    }

    private static object SqlValue(object? value) => value switch
    {
        null => DBNull.Value,
        bool b => b ? 1 : 0,
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
        DateTimeOffset t => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
        decimal m => (double)m,
        float f => (double)f,
        string or long or int or short or byte or double => value,
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
