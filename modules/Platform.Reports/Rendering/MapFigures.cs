using System.Globalization;
using System.Security.Claims;
using Platform.Reports.InProcess;
using Platform.Reports.Model;

namespace Platform.Reports.Rendering;

/// <summary>
/// Prints the distribution maps a report shows (<c>![caption](map:preset)</c>) through the maps' print endpoint,
/// <c>GET /api/maps/print?preset=…&amp;format=png</c>, on the report's date. A map that cannot be printed stays in the
/// report as a placeholder whose caption carries a 【待补】 marker naming the reason, so it is listed in the appendix.
/// </summary>
internal sealed class MapFigures(InProcessRequests requests)
{
    public const string PrintPath = "/api/maps/print";

    public async Task<List<ReportBlock>> PrintAsync(List<ReportBlock> blocks, DateOnly date, ClaimsPrincipal? user, CancellationToken ct)
    {
        var printed = new List<ReportBlock>(blocks.Count);
        foreach (var block in blocks)
        {
            if (block is not FigureBlock figure || !figure.Target.StartsWith("map:", StringComparison.Ordinal))
            {
                printed.Add(block);
                continue;
            }
            var preset = Uri.EscapeDataString(figure.Target["map:".Length..]);
            var link = $"{PrintPath}?preset={preset}&format=png&size=A4&orientation=landscape&date={date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
            var answer = await requests.GetAsync(link, user, ct);
            printed.Add(answer.Ok && answer.ContentType?.StartsWith("image/png", StringComparison.Ordinal) == true && answer.Body.Length > 0
                ? figure with { Png = answer.Body, Link = link }
                : figure with { Caption = $"{figure.Caption} {MissingFigures.Marker($"分布图（地图打印服务不可用，HTTP {answer.Status}）")}", Link = link });
        }
        return printed;
    }
}
