using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Platform.Spatial;

/// <summary>
/// The shape of a GeoJSON FeatureCollection (RFC 7946) as the API description shows it, for endpoints that write one
/// with NetTopologySuite's writer (<c>application/geo+json</c>). Description only: nothing is serialised through it.
/// </summary>
/// <param name="Type">Always <c>FeatureCollection</c>.</param>
/// <param name="Features">The features, coordinates in EPSG:4490 longitude/latitude.</param>
public sealed record GeoJsonFeatureCollection(string Type, IReadOnlyList<GeoJsonFeature> Features);

/// <summary>One GeoJSON feature: a geometry and the endpoint's properties.</summary>
/// <param name="Type">Always <c>Feature</c>.</param>
/// <param name="Geometry">A GeoJSON geometry object (Point, LineString, Polygon, Multi…), or null.</param>
/// <param name="Properties">The feature's attributes; the endpoint's summary names them.</param>
public sealed record GeoJsonFeature(string Type, JsonElement? Geometry, IReadOnlyDictionary<string, JsonElement>? Properties);

/// <summary>Declaring a GeoJSON answer in the API description.</summary>
public static class GeoJsonAnswers
{
    /// <summary>The endpoint answers a GeoJSON FeatureCollection as <c>application/geo+json</c>.</summary>
    public static RouteHandlerBuilder ProducesGeoJson(this RouteHandlerBuilder builder) =>
        builder.Produces<GeoJsonFeatureCollection>(StatusCodes.Status200OK, "application/geo+json");
}
