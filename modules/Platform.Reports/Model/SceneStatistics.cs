using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Platform.Reports.InProcess;

namespace Platform.Reports.Model;

/// <summary>
/// Figures the scenario plugins publish over HTTP, read through <see cref="InProcessRequests"/> so that the reports
/// depend on the plugins' answers, not their types. A plugin that is absent or stopped answers 404: its figures are then unavailable.
/// </summary>
internal sealed class SceneStatistics(InProcessRequests requests)
{
    /// <summary>The path of the ecological scene's statistics.</summary>
    public const string EcologicalPath = "/api/scenes/ecological/statistics";

    /// <summary>Gardens and plots of the season named <paramref name="year"/>, for the street or one community.</summary>
    public async Task<GardenFigures> GardensAsync(int year, string? communityCode, ClaimsPrincipal? user, CancellationToken ct)
    {
        var season = year.ToString(CultureInfo.InvariantCulture);
        var answer = await requests.GetAsync($"{EcologicalPath}?season={season}", user, ct);
        if (!answer.Ok || answer.Body.Length == 0)
            return new GardenFigures(false, season, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, []);
        using var json = JsonDocument.Parse(answer.Body);
        var gardens = json.RootElement.GetProperty("gardens").EnumerateArray()
            .Where(g => communityCode is null || Text(g.GetProperty("community"), "code") == communityCode)
            .Select(g => new
            {
                Row = new GardenRow(Text(g, "name") ?? "", Text(g, "kind") ?? "", Text(g.GetProperty("community"), "name"),
                    Number(g, "areaSquareMetres"), (int)Number(g, "plots"), (int)Number(g, "claimedPlots"), Number(g, "claimedSquareMetres"), (int)Number(g, "households")),
                PlotSquareMetres = Number(g, "plotSquareMetres"),
            }).ToList();
        double Sum(Func<GardenRow, double> f, string? kind = null) => Math.Round(gardens.Where(g => kind is null || g.Row.Kind == kind).Sum(g => f(g.Row)), 2);
        // Households are counted across gardens by the scene itself; for one community they come from its community row.
        var households = communityCode is null
            ? (int)Number(json.RootElement.GetProperty("totals"), "households")
            : json.RootElement.GetProperty("communities").EnumerateArray().Where(c => Text(c, "code") == communityCode).Sum(c => (int)Number(c, "households"));
        return new GardenFigures(true, season, gardens.Count, gardens.Sum(g => g.Row.Plots),
            Math.Round(gardens.Sum(g => g.PlotSquareMetres), 2),
            gardens.Sum(g => g.Row.ClaimedPlots), Sum(g => g.ClaimedSquareMetres),
            Sum(g => g.AreaSquareMetres, "edible"), Sum(g => g.AreaSquareMetres, "green"),
            Sum(g => g.ClaimedSquareMetres, "edible"), Sum(g => g.ClaimedSquareMetres, "green"),
            households, gardens.Select(g => g.Row).ToList());
    }

    private static string? Text(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static double Number(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : 0;
}
