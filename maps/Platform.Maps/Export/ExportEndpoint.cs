using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NetTopologySuite.Geometries;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Maps;
using Platform.Maps.Layers;
using Platform.Maps.Ogc;
using Platform.Spatial;

namespace Platform.Maps.Export;

/// <summary>
/// <c>GET /api/maps/export?layer=&amp;format=geojson|shapefile|geopackage|csv[&amp;date=][&amp;community=]</c>:
/// a layer as of a date, optionally only the features inside one community, as a file. GeoJSON is RFC 7946
/// (CRS84); Shapefile (zip with .prj/.cpg) and GeoPackage are EPSG:4490; CSV has lon/lat columns (EPSG:4490)
/// of each point, or of a point inside each line/area together with a <c>wkt</c> column of its geometry.
/// </summary>
internal static class ExportEndpoint
{
    public static void MapExport(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/maps/export", ExportAsync)
            .Produces(StatusCodes.Status200OK, typeof(byte[]), "application/geo+json", "application/zip", "application/geopackage+sqlite3", "text/csv");

    private static async Task<IResult> ExportAsync(HttpContext http, LayerReader reader)
    {
        var q = http.Request.Query;
        if (reader.Catalog.Find(q["layer"].ToString()) is not { } layer)
            return ProblemResults.Problem(404, "layer", $"There is no layer '{q["layer"]}'.", $"没有图层“{q["layer"]}”。");
        if (!DateParameter.TryParse(q["date"], out var date))
            return ProblemResults.Problem(400, "date", "date must be yyyy-MM-dd.", "日期格式须为 yyyy-MM-dd。");
        var format = q["format"].ToString().ToLowerInvariant();
        if (format is not ("geojson" or "shapefile" or "shp" or "geopackage" or "gpkg" or "csv"))
            return ProblemResults.Problem(400, "format", "format must be geojson, shapefile, geopackage or csv.", "格式须为 geojson、shapefile、geopackage 或 csv。");

        var features = await reader.ReadAsync(layer, null, date, null, http.RequestAborted);
        if (!string.IsNullOrEmpty(q["community"]))
        {
            if (await reader.CommunityAsync(q["community"]!, date, http.RequestAborted) is not { } community)
                return ProblemResults.Problem(404, "community", $"There is no community '{q["community"]}' on that date.", $"该日期没有社区“{q["community"]}”。");
            features = LayerReader.Within(features, community.Geometry);
        }
        var id = layer.Descriptor.Id;
        var stamp = LayerReader.Effective(date).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        var output = new MemoryStream();
        switch (format)
        {
            case "geojson":
                WriteGeoJson(output, features);
                return File(output, "application/geo+json", $"{id}-{stamp}.geojson");
            case "shapefile" or "shp":
                ShapefileZip.Export(ToLayer(layer.Descriptor, features, false), output);
                return File(output, "application/zip", $"{id}-{stamp}.zip");
            case "geopackage" or "gpkg":
                GeoPackageFile.Export(ToLayer(layer.Descriptor, features, false), output);
                return File(output, "application/geopackage+sqlite3", $"{id}-{stamp}.gpkg");
            default:
                CsvPoints.Export(ToLayer(layer.Descriptor, features, true), output);
                return File(output, "text/csv; charset=utf-8", $"{id}-{stamp}.csv");
        }
    }

    /// <summary>
    /// The features as a file layer. The platform's id is the attribute <c>id</c> (<c>feature_id</c> if the layer has its
    /// own <c>id</c>), never <c>fid</c>, which GeoPackage readers take for the integer primary key. Dates stay dates
    /// (GeoPackage DATE/DATETIME, dBase D) except in CSV, which writes ISO 8601 text.
    /// </summary>
    private static FeatureLayer ToLayer(LayerDescriptor descriptor, IReadOnlyList<MapFeature> features, bool asPoints)
    {
        var name = descriptor.Id;
        // Fields the descriptor types as dates may be served as ISO text; files get them as dates.
        var dateFields = descriptor.Fields.Where(f => f.Type == "date").Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var idName = features.Any(f => f.Properties.Keys.Any(k => string.Equals(k, "id", StringComparison.OrdinalIgnoreCase))) ? "feature_id" : "id";
        return new(name, features.Select(f =>
        {
            var attributes = new Dictionary<string, object?>(StringComparer.Ordinal) { [idName] = f.Id };
            foreach (var (k, served) in f.Properties)
            {
                var v = served is string text && dateFields.Contains(k)
                    && DateOnly.TryParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day) ? day : served;
                attributes[k] = v switch
                {
                    DateOnly d when asPoints => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    DateTimeOffset t when asPoints => t.ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture),
                    DateTime t when asPoints => t.ToString("yyyy-MM-ddTHH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
                    _ => v,
                };
            }
            if (!asPoints || f.Geometry is Point)
                return new FeatureRecord(f.Geometry, attributes);
            attributes["wkt"] = WellKnownText.Write(f.Geometry);
            return new FeatureRecord(GeometryMeasurement.InteriorPoint(f.Geometry), attributes);
        }).ToList());
    }

    private static void WriteGeoJson(Stream output, IReadOnlyList<MapFeature> features)
    {
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteString("type", "FeatureCollection");
        w.WriteStartArray("features");
        foreach (var f in features)
            FeatureJsonWriter.WriteFeature(w, f, OgcCrs.Crs84);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static IResult File(MemoryStream output, string type, string name)
    {
        output.Position = 0;
        return Results.File(output, type, name);
    }
}
