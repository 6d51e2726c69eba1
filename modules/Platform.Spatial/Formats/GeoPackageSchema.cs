using Microsoft.Data.Sqlite;

namespace Platform.Spatial;

/// <summary>The GeoPackage 1.2 core tables and the rows it requires (OGC 12-128r15).</summary>
internal static class GeoPackageSchema
{
    public const int ApplicationId = 0x47504B47; // "GPKG"
    public const int UserVersion = 10200;

    private const string Wgs84Wkt =
        "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563,AUTHORITY[\"EPSG\",\"7030\"]]," +
        "AUTHORITY[\"EPSG\",\"6326\"]],PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],UNIT[\"degree\",0.0174532925199433," +
        "AUTHORITY[\"EPSG\",\"9122\"]],AXIS[\"Latitude\",NORTH],AXIS[\"Longitude\",EAST],AUTHORITY[\"EPSG\",\"4326\"]]";

    public static void Create(SqliteConnection connection)
    {
        Execute(connection, $"""
            PRAGMA application_id = {ApplicationId};
            PRAGMA user_version = {UserVersion};
            CREATE TABLE gpkg_spatial_ref_sys (
              srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL,
              organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
            CREATE TABLE gpkg_contents (
              table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
              description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
              min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
              CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
            CREATE TABLE gpkg_geometry_columns (
              table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
              srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
              CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
              CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
              CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
            """);
        AddSrs(connection, "Undefined cartesian SRS", -1, "NONE", -1, "undefined");
        AddSrs(connection, "Undefined geographic SRS", 0, "NONE", 0, "undefined");
        AddSrs(connection, "WGS 84 geodetic", 4326, "EPSG", 4326, Wgs84Wkt);
        AddSrs(connection, "China Geodetic Coordinate System 2000", StorageCrs.Srid, "EPSG", StorageCrs.Srid, Cgcs2000Prj.OgcWkt);
    }

    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";

    public static void Execute(SqliteConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        command.ExecuteNonQuery();
    }

    private static void AddSrs(SqliteConnection connection, string name, int id, string organization, int code, string definition) =>
        Execute(connection,
            "INSERT INTO gpkg_spatial_ref_sys VALUES (@name, @id, @org, @code, @definition, NULL)",
            ("@name", name), ("@id", id), ("@org", organization), ("@code", code), ("@definition", definition));
}
