namespace Platform.Spatial;

/// <summary>Definitions of EPSG:4490 written into exported files.</summary>
internal static class Cgcs2000Prj
{
    /// <summary>ESRI WKT of EPSG:4490, as <c>projinfo -o WKT1_ESRI EPSG:4490</c> prints it; GDAL identifies it as EPSG:4490.</summary>
    public const string EsriWkt =
        "GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\",DATUM[\"D_China_2000\",SPHEROID[\"CGCS2000\",6378137.0,298.257222101]]," +
        "PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";

    /// <summary>OGC WKT 1 of EPSG:4490 with authorities, as <c>gdalsrsinfo -o wkt1 EPSG:4490</c> prints it (GeoPackage definition).</summary>
    public const string OgcWkt =
        "GEOGCS[\"China Geodetic Coordinate System 2000\",DATUM[\"China_2000\",SPHEROID[\"CGCS2000\",6378137,298.257222101," +
        "AUTHORITY[\"EPSG\",\"1024\"]],AUTHORITY[\"EPSG\",\"1043\"]],PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]]," +
        "UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],AXIS[\"Latitude\",NORTH],AXIS[\"Longitude\",EAST]," +
        "AUTHORITY[\"EPSG\",\"4490\"]]";
}
