using System.Text.Json;
using NetTopologySuite.Geometries;
using Platform.Spatial;

namespace Platform.Plugins.Ecological.Http;

/// <summary>Geometry for answers: GeoJSON (RFC 7946, lon/lat EPSG:4490) as a JSON element the host's serializer passes through.</summary>
internal static class EcoJson
{
    public static JsonElement GeoJsonOf(Geometry geometry)
    {
        using var document = JsonDocument.Parse(GeoJson.Write(geometry));
        return document.RootElement.Clone();
    }

    public static JsonElement GeoJsonOf(string wkt) => GeoJsonOf(WellKnownText.Read(wkt));
}
