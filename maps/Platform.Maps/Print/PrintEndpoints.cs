using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Abstractions.Commands;
using Platform.Maps.Layers;

namespace Platform.Maps.Print;

/// <summary>
/// <c>GET /api/maps/presets</c> and <c>GET /api/maps/print?preset=&amp;format=png|svg|pdf&amp;size=A4|A3&amp;orientation=landscape|portrait&amp;layers=a,b&amp;date=&amp;title=&amp;subtitle=&amp;dpi=</c>.
/// Layers of a preset that are not in the catalogue are skipped and named in the <c>X-Map-Skipped-Layers</c> header;
/// features outside the page are counted in <c>X-Map-Off-Page</c>. <c>dpi</c> (72–300, default 150) sets a PNG's
/// resolution, the paper size staying the same; SVG counts its view box in pixels of that dpi; PDF is vector, in points.
/// <c>route=</c> and <c>stops=</c> (encoded polylines, <see cref="RouteOverlay"/>) draw a route with numbered stops over the
/// layers. <c>X-Map-Frame</c> (left,top,right,bottom in page pixels) and <c>X-Map-Extent</c> (minX,minY,maxX,maxY in metres
/// of the zone named by <c>X-Map-Crs</c>) say where the map lies on the page, so a reader can place a coordinate on it.
/// </summary>
internal static class PrintEndpoints
{
    public static void MapPrint(this IEndpointRouteBuilder app)
    {
        // The font is chosen now, so the log says once at the start which one printed maps use (and again if it changes).
        PrintFontSelection.Machine.UseLogger(app.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Platform.Maps.Print"));
        app.MapGet("/api/maps/presets", (LayerReader reader) => PrintPreset.All.Select(p => new
        {
            id = p.Id,
            titleZh = p.TitleZh,
            titleEn = p.TitleEn,
            layers = p.Layers,
            available = p.Layers.Where(l => reader.Catalog.Find(l) is not null),
        }));
        app.MapGet("/api/maps/print", PrintAsync)
            .Produces(StatusCodes.Status200OK, typeof(byte[]), "image/png", "application/pdf", "image/svg+xml");
    }

    private static async Task<IResult> PrintAsync(HttpContext http, PrintedMapComposer composer)
    {
        var q = http.Request.Query;
        var layers = q["layers"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        PrintPreset preset;
        if (!string.IsNullOrEmpty(q["preset"]))
        {
            if (PrintPreset.Find(q["preset"]) is not { } found)
                return ProblemResults.Problem(404, "preset", $"There is no preset '{q["preset"]}'. Presets: {string.Join(", ", PrintPreset.All.Select(p => p.Id))}.", $"没有预设“{q["preset"]}”。");
            preset = layers.Length > 0 ? found with { Layers = layers } : found;
        }
        else if (layers.Length > 0)
            preset = PrintPreset.Custom(layers);
        else
            return ProblemResults.Problem(400, "preset", "Give a preset or a list of layers.", "请指定预设或图层列表。");

        var format = (q["format"].FirstOrDefault() ?? "png").ToLowerInvariant();
        if (format is not ("png" or "svg" or "pdf"))
            return ProblemResults.Problem(400, "format", "format must be png, svg or pdf.", "格式须为 png、svg 或 pdf。");
        var size = (q["size"].FirstOrDefault() ?? "A4").ToUpperInvariant();
        if (size is not ("A4" or "A3"))
            return ProblemResults.Problem(400, "size", "size must be A4 or A3.", "纸张须为 A4 或 A3。");
        var orientation = (q["orientation"].FirstOrDefault() ?? "landscape").ToLowerInvariant();
        if (orientation is not ("landscape" or "portrait"))
            return ProblemResults.Problem(400, "orientation", "orientation must be landscape or portrait.", "方向须为 landscape 或 portrait。");
        if (!DateParameter.TryParse(q["date"], out var date))
            return ProblemResults.Problem(400, "date", "date must be yyyy-MM-dd.", "日期格式须为 yyyy-MM-dd。");
        var dpi = PageSize.DefaultDpi;
        if (q["dpi"].FirstOrDefault() is { Length: > 0 } dpiText)
        {
            if (!int.TryParse(dpiText, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var asked)
                || asked < PageSize.MinDpi || asked > PageSize.MaxDpi)
                return ProblemResults.Problem(400, "dpi", $"dpi must be a whole number from {PageSize.MinDpi} to {PageSize.MaxDpi}; '{dpiText}' is not.",
                    $"分辨率 dpi 须为 {PageSize.MinDpi} 至 {PageSize.MaxDpi} 之间的整数，“{dpiText}”不符合。");
            dpi = asked;
        }
        if (PrintText.Check(q["title"], "title", "标题", PrintText.MaxTitle) is { } badTitle)
            return badTitle;
        if (PrintText.Check(q["subtitle"], "subtitle", "副标题", PrintText.MaxSubtitle) is { } badSubtitle)
            return badSubtitle;
        var (route, badRoute) = RouteOverlay.Read(q);
        if (badRoute is not null)
            return badRoute;
        if (CjkFont.Instance is not { } font)
            return ProblemResults.Problem(503, "font",
                $"No font with Chinese glyphs is installed, so the map's text would print as boxes. Install one: {CjkFont.InstallHint}.",
                $"未安装中文字体，地图文字将显示为方框。请安装：{CjkFont.InstallHint}。");

        var content = await composer.ReadAsync(preset, date, http.RequestAborted);
        content = content with
        {
            Title = PrintText.Clean(q["title"]) ?? content.Title,
            Subtitle = PrintText.Clean(q["subtitle"]) ?? content.Subtitle,
            Route = route,
        };
        var landscape = orientation == "landscape";
        if (content.Skipped.Count > 0)
            http.Response.Headers["X-Map-Skipped-Layers"] = string.Join(',', content.Skipped);
        http.Response.Headers["X-Map-Layers"] = string.Join(',', content.Layers.Select(l => l.Layer.Id));
        var name = $"{preset.Id}-{content.Date:yyyyMMdd}-{size}.{format}";
        switch (format)
        {
            case "svg":
            {
                var page = new PageSize(size, landscape, dpi);
                var svg = new SvgPageCanvas(page.Width, page.Height, font.Family, page.Dpi);
                Report(http, composer.Draw(svg, content, page, font));
                return Results.File(svg.Document(), "image/svg+xml", name);
            }
            case "pdf":
            {
                var page = new PageSize(size, landscape, PageSize.PdfDpi);
                using var pdf = new PdfPage(page, font, content.Title);
                Report(http, composer.Draw(pdf.Canvas, content, page, font));
                return Results.File(pdf.Pdf(), "application/pdf", name);
            }
            default:
            {
                var page = new PageSize(size, landscape, dpi);
                using var png = new PngPage(page, font);
                Report(http, composer.Draw(png.Canvas, content, page, font));
                return Results.File(png.Png(), "image/png", name);
            }
        }
    }

    private static void Report(HttpContext http, PrintedMap map)
    {
        http.Response.Headers["X-Map-Crs"] = map.Zone.Code;
        http.Response.Headers["X-Map-Off-Page"] = map.OffPage.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var c = System.Globalization.CultureInfo.InvariantCulture;
        http.Response.Headers["X-Map-Frame"] = string.Join(',', new[] { map.Frame.Left, map.Frame.Top, map.Frame.Right, map.Frame.Bottom }.Select(v => v.ToString("R", c)));
        http.Response.Headers["X-Map-Extent"] = string.Join(',', new[] { map.Extent.MinX, map.Extent.MinY, map.Extent.MaxX, map.Extent.MaxY }.Select(v => v.ToString("R", c)));
    }
}
