using System.Globalization;
using ProjNet.CoordinateSystems;

namespace Platform.Spatial;

/// <summary>ProjNET objects for CGCS2000 and its Gauss–Krüger zones.</summary>
internal static class ProjNetSystems
{
    public const string Cgcs2000Wkt =
        "GEOGCS[\"China Geodetic Coordinate System 2000\",DATUM[\"China_2000\",SPHEROID[\"CGCS2000\",6378137,298.257222101]]," +
        "PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433],AUTHORITY[\"EPSG\",\"4490\"]]";

    private static readonly CoordinateSystemFactory Factory = new();

    public static GeographicCoordinateSystem Cgcs2000 { get; } = (GeographicCoordinateSystem)Factory.CreateFromWkt(Cgcs2000Wkt);

    public static ProjectedCoordinateSystem GaussKruger(string name, int epsg, GaussKrugerZone zone)
    {
        var wkt = string.Create(CultureInfo.InvariantCulture,
            $"PROJCS[\"{name}\",{Cgcs2000Wkt},PROJECTION[\"Transverse_Mercator\"]," +
            $"PARAMETER[\"latitude_of_origin\",0],PARAMETER[\"central_meridian\",{zone.CentralMeridian}]," +
            $"PARAMETER[\"scale_factor\",1],PARAMETER[\"false_easting\",{zone.FalseEasting}],PARAMETER[\"false_northing\",0]," +
            $"UNIT[\"metre\",1],AXIS[\"Easting\",EAST],AXIS[\"Northing\",NORTH],AUTHORITY[\"EPSG\",\"{epsg}\"]]");
        return (ProjectedCoordinateSystem)Factory.CreateFromWkt(wkt);
    }
}
