using Platform.Abstractions.Commands;

namespace Platform.Plugins.Ecological.Gardens;

/// <summary>Plots are claimed, renewed, waited for and drawn only for a season the garden has opened.</summary>
internal static class ClaimNeedsAnOpenSeasonRule
{
    /// <summary>Null when <paramref name="season"/> is open in <paramref name="garden"/>, else the refusal (404 on <c>season</c>).</summary>
    public static Outcome? Check(GardenView garden, string season) =>
        garden.Term(season) is not null
            ? null
            : Outcome.Refuse(404, "season", $"Garden {garden.Name} has no season '{season}' (seasons: {string.Join(", ", garden.Seasons.Select(s => s.Season))}).",
                $"该园地没有“{season}”季，须由工作人员先设立。");
}
