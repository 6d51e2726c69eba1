using Microsoft.AspNetCore.Http;

namespace Platform.Spatial;

/// <summary><c>GET /api/spatial/crs</c>: the CRSs the spatial layer knows, with their areas of use.</summary>
internal static class CrsListEndpoint
{
    public static Task HandleAsync(HttpContext context) =>
        Results.Json(CrsRegistry.All.Select(c => new
        {
            code = c.Code,
            name = c.Name,
            kind = c.Kind.ToString(),
            epsg = c.Epsg,
            areaOfUse = new { west = c.AreaOfUse.West, south = c.AreaOfUse.South, east = c.AreaOfUse.East, north = c.AreaOfUse.North },
        }), HttpJson.Web).ExecuteAsync(context);
}
