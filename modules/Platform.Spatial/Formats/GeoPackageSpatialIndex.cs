using Microsoft.Data.Sqlite;

namespace Platform.Spatial;

/// <summary>
/// The GeoPackage R-tree spatial index extension (<c>gpkg_rtree_index</c>, OGC 12-128r15 Annex F.3) of one geometry
/// column: the <c>rtree_&lt;table&gt;_&lt;column&gt;</c> virtual table filled with each feature's envelope, its row in
/// <c>gpkg_extensions</c>, and the triggers that keep it current when GDAL or QGIS edit the file.
/// </summary>
/// <remarks>
/// The triggers call the GeoPackage SQL functions (<c>ST_IsEmpty</c>, <c>ST_MinX</c>…), which GeoPackage clients
/// register and this process does not; SQLite resolves them when a trigger fires, so the index is filled here before the
/// triggers are created.
/// </remarks>
internal static class GeoPackageSpatialIndex
{
    public const string ExtensionName = "gpkg_rtree_index";
    private const string Definition = "http://www.geopackage.org/spec120/#extension_rtree";

    /// <summary>Declares the extension and creates the empty index table.</summary>
    public static void Create(SqliteConnection connection, string table, string geometry)
    {
        var rtree = GeoPackageSchema.Quote($"rtree_{table}_{geometry}");
        GeoPackageSchema.Execute(connection, """
            CREATE TABLE IF NOT EXISTS gpkg_extensions (
              table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL, definition TEXT NOT NULL, scope TEXT NOT NULL,
              CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name))
            """);
        GeoPackageSchema.Execute(connection, "INSERT INTO gpkg_extensions VALUES (@t, @c, @e, @d, 'write-only')",
            ("@t", table), ("@c", geometry), ("@e", ExtensionName), ("@d", Definition));
        GeoPackageSchema.Execute(connection, $"CREATE VIRTUAL TABLE {rtree} USING rtree(id, minx, maxx, miny, maxy)");
    }

    /// <summary>Adds one feature's envelope (EPSG:4490 degrees); empty geometries have no entry, as the extension requires.</summary>
    public static void Add(SqliteConnection connection, string table, string geometry, long id, NetTopologySuite.Geometries.Envelope envelope)
    {
        if (envelope.IsNull)
            return;
        GeoPackageSchema.Execute(connection,
            $"INSERT INTO {GeoPackageSchema.Quote($"rtree_{table}_{geometry}")} VALUES (@id, @minx, @maxx, @miny, @maxy)",
            ("@id", id), ("@minx", envelope.MinX), ("@maxx", envelope.MaxX), ("@miny", envelope.MinY), ("@maxy", envelope.MaxY));
    }

    /// <summary>The six triggers of the extension (GeoPackage 1.2), created once the index is filled.</summary>
    public static void AddTriggers(SqliteConnection connection, string table, string geometry, string id)
    {
        var t = GeoPackageSchema.Quote(table);
        var g = GeoPackageSchema.Quote(geometry);
        var i = GeoPackageSchema.Quote(id);
        var name = $"rtree_{table}_{geometry}";
        var r = GeoPackageSchema.Quote(name);
        string Trigger(string suffix) => GeoPackageSchema.Quote($"{name}_{suffix}");
        var insert = $"INSERT OR REPLACE INTO {r} VALUES (NEW.{i}, ST_MinX(NEW.{g}), ST_MaxX(NEW.{g}), ST_MinY(NEW.{g}), ST_MaxY(NEW.{g}));";
        GeoPackageSchema.Execute(connection, $"""
            CREATE TRIGGER {Trigger("insert")} AFTER INSERT ON {t} WHEN (NEW.{g} NOT NULL AND NOT ST_IsEmpty(NEW.{g}))
            BEGIN {insert} END;
            CREATE TRIGGER {Trigger("update1")} AFTER UPDATE OF {g} ON {t} WHEN OLD.{i} = NEW.{i} AND (NEW.{g} NOTNULL AND NOT ST_IsEmpty(NEW.{g}))
            BEGIN {insert} END;
            CREATE TRIGGER {Trigger("update2")} AFTER UPDATE OF {g} ON {t} WHEN OLD.{i} = NEW.{i} AND (NEW.{g} ISNULL OR ST_IsEmpty(NEW.{g}))
            BEGIN DELETE FROM {r} WHERE id = OLD.{i}; END;
            CREATE TRIGGER {Trigger("update3")} AFTER UPDATE ON {t} WHEN OLD.{i} != NEW.{i} AND (NEW.{g} NOTNULL AND NOT ST_IsEmpty(NEW.{g}))
            BEGIN DELETE FROM {r} WHERE id = OLD.{i}; {insert} END;
            CREATE TRIGGER {Trigger("update4")} AFTER UPDATE ON {t} WHEN OLD.{i} != NEW.{i} AND (NEW.{g} ISNULL OR ST_IsEmpty(NEW.{g}))
            BEGIN DELETE FROM {r} WHERE id IN (OLD.{i}, NEW.{i}); END;
            CREATE TRIGGER {Trigger("delete")} AFTER DELETE ON {t} WHEN OLD.{g} NOT NULL
            BEGIN DELETE FROM {r} WHERE id = OLD.{i}; END;
            """);
    }
}
