namespace Platform.Reports.Model;

/// <summary>
/// The ecological scene's figures for the season named like the year, as its statistics endpoint answers them;
/// <see cref="Available"/> is false when the plugin is not installed or not running.
/// </summary>
internal sealed record GardenFigures(
    bool Available, string? Season, int Gardens, int Plots, double PlotSquareMetres, int ClaimedPlots, double ClaimedSquareMetres,
    double EdibleSquareMetres, double GreenSquareMetres, double EdibleClaimedSquareMetres, double GreenClaimedSquareMetres, int Households,
    IReadOnlyList<GardenRow> List)
{
    /// <summary>Every garden's name, as the summary lists them (蓝家菜园、蓝家绿地、…).</summary>
    public string NamesZh => string.Join("、", List.Select(g => g.Name));
}
