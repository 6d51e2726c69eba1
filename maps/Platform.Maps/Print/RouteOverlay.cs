using Microsoft.AspNetCore.Http;
using Platform.Abstractions.Commands;
using Platform.Spatial;

namespace Platform.Maps.Print;

/// <summary>
/// A route drawn over a printed map (<c>route=</c>, <c>stops=</c>): a line in EPSG:4490 and its stops, numbered from 1
/// in the order given. Both are encoded polylines at six decimals (<see cref="EncodedPolyline"/>). When a route is
/// given the map frames the route, not the whole street.
/// </summary>
internal sealed record RouteOverlay(IReadOnlyList<(double Lon, double Lat)> Line, IReadOnlyList<(double Lon, double Lat)> Stops)
{
    /// <summary>The colour of the route line and stop markers; no layer style or print palette uses it.</summary>
    public const string Colour = "#e6007e";

    public const int MaxLinePoints = 20_000;
    public const int MaxStops = 30;

    /// <summary>The overlay the query asks for (null when it asks none), or a 400 problem naming the parameter.</summary>
    public static (RouteOverlay? Overlay, IResult? Problem) Read(IQueryCollection q)
    {
        var route = q["route"].ToString();
        var stops = q["stops"].ToString();
        if (route.Length == 0 && stops.Length == 0)
            return (null, null);
        if (!EncodedPolyline.TryDecode(route, MaxLinePoints, out var line) || line.Count == 1)
            return (null, ProblemResults.Problem(400, "route", $"route must be an encoded polyline (6 decimals) of 2 to {MaxLinePoints} lon/lat points.",
                $"route 须为六位小数的编码折线（polyline6），含 2 至 {MaxLinePoints} 个经纬度点。"));
        if (!EncodedPolyline.TryDecode(stops, MaxStops, out var points))
            return (null, ProblemResults.Problem(400, "stops", $"stops must be an encoded polyline (6 decimals) of at most {MaxStops} points.",
                $"stops 须为六位小数的编码折线，至多 {MaxStops} 个点。"));
        return (new RouteOverlay(line, points), null);
    }
}
