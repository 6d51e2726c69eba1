using System.Net;
using System.Net.Http.Json;
using System.Globalization;
using System.Text.Json;
using Platform.Testing;
using SkiaSharp;
using Platform.Host.Tests.Support;

namespace Platform.Host.Tests.Linkage;

[Collection(LinkageCollection.Name)]
public sealed class TourTests(LinkageHost host)
{
    /// <summary>
    /// The six demo sites: the shortest road distance between every two of them is worked out independently
    /// (<see cref="RoadDistanceReference"/>: the roads layer as GeoJSON from the OGC API, crossings and snapping in a
    /// PROJ projection, every piece measured by PROJ's geod, Dijkstra), all 5! orders from the first site are tried, and
    /// the planner's order, legs and total must be the shortest found so (within 3 m: the planner measures in the
    /// Gauss–Krüger plane, whose scale here differs from the ellipsoid by about 1/10 000).
    /// </summary>
    [Fact]
    public async Task SixStops_AreVisitedInTheOrderBruteForceFindsShortest_OverAnIndependentRoadNetwork()
    {
        const double Tolerance = 3;
        var planner = await host.As("planner");
        var all = (await (await planner.GetAsync("/api/linkage/demonstration-sites?year=2026")).JsonAsync(HttpStatusCode.OK)).EnumerateArray().Take(6).ToList();
        Assert.Equal(6, all.Count);
        var sites = all.Select(s => s.GetProperty("id").GetString()!).ToList();
        var points = all.Select(s => (Lon: s.GetProperty("location")[0].GetDouble(), Lat: s.GetProperty("location")[1].GetDouble())).ToList();
        var roads = await (await planner.GetAsync("/ogc/collections/base-roads/items?limit=10000")).JsonAsync(HttpStatusCode.OK);
        Assert.True(roads.GetProperty("features").GetArrayLength() > 10);
        var d = RoadDistanceReference.Build(roads, points).Matrix();
        for (var i = 0; i < 6; i++)
            for (var j = 0; j < 6; j++)
                Assert.True(i == j || (d[i, j] > 0 && double.IsFinite(d[i, j])), $"sites {i} and {j} are not connected by the roads");

        List<int>? best = null;
        var shortest = double.PositiveInfinity;
        foreach (var order in Permutations([1, 2, 3, 4, 5]))
        {
            var length = d[0, order[0]] + order.Zip(order.Skip(1), (a, b) => d[a, b]).Sum();
            if (length < shortest)
                (shortest, best) = (length, [0, .. order]);
        }

        var tour = await (await planner.PostAsJsonAsync("/api/linkage/tours", new { siteIds = sites })).JsonAsync(HttpStatusCode.OK);
        Assert.True(tour.GetProperty("exact").GetBoolean());
        var visited = tour.GetProperty("sites").EnumerateArray().Select(s => sites.IndexOf(s.GetProperty("id").GetString()!)).ToList();
        Assert.Equal(6, visited.Distinct().Count());
        var walked = visited.Zip(visited.Skip(1), (a, b) => d[a, b]).Sum();
        // The same order, unless another is as short within the tolerance (then either is an optimum).
        Assert.True(visited.SequenceEqual(best!) || walked - shortest < Tolerance,
            $"planned {string.Join(",", visited)} ({walked:0.0} m by the reference), shortest {string.Join(",", best!)} ({shortest:0.0} m)");
        Assert.Equal(shortest, tour.GetProperty("metres").GetDouble(), Tolerance);
        var legs = tour.GetProperty("legs").EnumerateArray().ToList();
        for (var k = 0; k < legs.Count; k++)
            Assert.Equal(d[visited[k], visited[k + 1]], legs[k].GetProperty("metres").GetDouble(), Tolerance);
        Assert.Equal(shortest / 75, tour.GetProperty("minutes").GetDouble(), 0.15);
        Assert.StartsWith("/api/maps/print?", tour.GetProperty("printUrl").GetString());
        Assert.Contains("&route=", tour.GetProperty("printUrl").GetString());
    }

    /// <summary>
    /// The printed route map draws the route: the tour's route points and stops, projected by PROJ (cs2cs) into the zone
    /// the map names and placed by the frame and extent it reports, fall on pixels of the route colour; the same map
    /// without the overlay has none of that colour, and the caption carries the walking distance and time.
    /// </summary>
    [Fact]
    public async Task ThePrintedRouteMap_DrawsTheRouteAlongTheRoads_AndTheNumberedStops()
    {
        var planner = await host.As("planner");
        var sites = (await (await planner.GetAsync("/api/linkage/demonstration-sites?year=2026")).JsonAsync(HttpStatusCode.OK))
            .EnumerateArray().Select(s => s.GetProperty("id").GetString()!).Take(4).ToList();
        var tour = await (await planner.PostAsJsonAsync("/api/linkage/tours", new { siteIds = sites })).JsonAsync(HttpStatusCode.OK);
        var route = tour.GetProperty("route").EnumerateArray().Select(p => (Lon: p[0].GetDouble(), Lat: p[1].GetDouble())).ToList();
        var stops = tour.GetProperty("sites").EnumerateArray().Select(s => (Lon: s.GetProperty("location")[0].GetDouble(), Lat: s.GetProperty("location")[1].GetDouble())).ToList();
        // Along the roads, not stop to stop: more points than stops, and the line is as long as the walk (PROJ's geod).
        Assert.True(route.Count > stops.Count * 2, $"the route has only {route.Count} points");
        var geodesic = route.Zip(route.Skip(1), (a, b) => Proj.Geod(a.Lon, a.Lat, b.Lon, b.Lat)).Sum();
        Assert.Equal(tour.GetProperty("metres").GetDouble(), geodesic, tour.GetProperty("metres").GetDouble() * 0.002 + 2);

        var url = tour.GetProperty("printPngUrl").GetString()!;
        var response = await planner.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/png", response.Content.Headers.ContentType?.MediaType);
        var epsg = int.Parse(response.Headers.GetValues("X-Map-Crs").Single().Split(':')[1], CultureInfo.InvariantCulture);
        var frame = Numbers(response, "X-Map-Frame");
        var extent = Numbers(response, "X-Map-Extent");
        using var bitmap = SKBitmap.Decode(await response.Content.ReadAsByteArrayAsync());
        (int X, int Y) Pixel((double X, double Y) p) => ((int)Math.Round(frame[0] + ((p.X - extent[0]) / (extent[2] - extent[0]) * (frame[2] - frame[0]))),
            (int)Math.Round(frame[1] + ((extent[3] - p.Y) / (extent[3] - extent[1]) * (frame[3] - frame[1]))));
        bool RouteNear((int X, int Y) p, int r)
        {
            for (var dx = -r; dx <= r; dx++)
                for (var dy = -r; dy <= r; dy++)
                    if (p.X + dx >= 0 && p.Y + dy >= 0 && p.X + dx < bitmap.Width && p.Y + dy < bitmap.Height && IsRouteColour(bitmap.GetPixel(p.X + dx, p.Y + dy)))
                        return true;
            return false;
        }

        // Points every few metres along each piece of the route, so a straight stop-to-stop line would miss the bends.
        var samples = route.Zip(route.Skip(1), (a, b) => Enumerable.Range(0, 4).Select(k => (Lon: a.Lon + ((b.Lon - a.Lon) * k / 4), Lat: a.Lat + ((b.Lat - a.Lat) * k / 4)))).SelectMany(x => x).ToList();
        var onPage = Proj.ToGaussKruger(epsg, samples).Select(Pixel).ToList();
        var missed = onPage.Count(p => !RouteNear(p, 2));
        Assert.True(missed <= onPage.Count / 50, $"{missed} of {onPage.Count} route points have no route-coloured pixel within 2 px");
        foreach (var (stop, i) in Proj.ToGaussKruger(epsg, stops).Select(Pixel).Select((p, i) => (p, i)))
        {
            var coloured = 0;
            for (var dx = -8; dx <= 8; dx++)
                for (var dy = -8; dy <= 8; dy++)
                    coloured += IsRouteColour(bitmap.GetPixel(stop.X + dx, stop.Y + dy)) ? 1 : 0;
            Assert.True(coloured > 80, $"stop {i + 1} at {stop}: only {coloured} route-coloured pixels around it");
        }

        var plain = await planner.GetAsync(url[..url.IndexOf("&route=", StringComparison.Ordinal)]);
        using var plainBitmap = SKBitmap.Decode(await plain.Content.ReadAsByteArrayAsync());
        Assert.DoesNotContain(plainBitmap.Pixels, IsRouteColour);

        var pdf = await planner.GetAsync(tour.GetProperty("printUrl").GetString()!);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        var text = PdfText(await pdf.Content.ReadAsByteArrayAsync());
        var km = (tour.GetProperty("metres").GetDouble() / 1000).ToString("0.00", CultureInfo.InvariantCulture);
        Assert.Contains($"步行 {km} 公里", text);
        Assert.Contains($"约 {Math.Round(tour.GetProperty("minutes").GetDouble()):0} 分钟", text);
    }

    [Fact]
    public async Task ARouteOverlayThatIsNotAPolyline_IsAProblem()
    {
        var planner = await host.As("planner");
        await (await planner.GetAsync("/api/maps/print?layers=base-roads&format=png&route=%20%20")).ProblemAsync(HttpStatusCode.BadRequest, "route");
        await (await planner.GetAsync("/api/maps/print?layers=base-roads&format=png&route=_p~iF~ps%7CU_ulLnnqC&stops=%7F")).ProblemAsync(HttpStatusCode.BadRequest, "stops");
    }

    // #e6007e, allowing for anti-aliasing against the white halo.
    private static bool IsRouteColour(SKColor c) => Math.Abs(c.Red - 0xe6) < 40 && c.Green < 70 && Math.Abs(c.Blue - 0x7e) < 45;

    private static double[] Numbers(HttpResponseMessage response, string header) =>
        response.Headers.GetValues(header).Single().Split(',').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();

    private static string PdfText(byte[] pdf)
    {
        var path = Path.Combine(Path.GetTempPath(), $"tour-{Guid.NewGuid():N}.pdf");
        File.WriteAllBytes(path, pdf);
        try
        {
            using var p = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("pdftotext", [path, "-"]) { RedirectStandardOutput = true })!;
            var text = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            return text;
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task ATourOfOneSiteOrAnUnknownOne_IsAProblem()
    {
        var planner = await host.As("planner");
        await (await planner.PostAsJsonAsync("/api/linkage/tours", new { siteIds = new[] { Guid.NewGuid() } })).ProblemAsync(HttpStatusCode.BadRequest, "siteIds");
        await (await planner.PostAsJsonAsync("/api/linkage/tours", new { siteIds = new[] { Guid.NewGuid(), Guid.NewGuid() } })).ProblemAsync(HttpStatusCode.NotFound, "siteIds");
    }

    private static IEnumerable<List<int>> Permutations(List<int> items)
    {
        if (items.Count == 1)
        {
            yield return items;
            yield break;
        }
        foreach (var first in items)
            foreach (var rest in Permutations(items.Where(x => x != first).ToList()))
                yield return [first, .. rest];
    }
}
