using JasperFx.Events;
using Marten.Events.Aggregation;
using Platform.Abstractions.Commands;
using Platform.Spatial;
using Platform.Plugins.Ecological.Lottery;

namespace Platform.Plugins.Ecological.Gardens;

/// <summary>
/// A garden as read models see it: site, kind, layout, season terms, plots, waiting lists and lottery rounds.
/// Folded from the garden's stream by <see cref="GardenProjection"/> and, identically, by the garden grain.
/// </summary>
public sealed class GardenView : ILocatedRecord
{
    (double Lon, double Lat) ILocatedRecord.Place => PlaceOf(BoundaryWkt);

    internal static (double Lon, double Lat) PlaceOf(string wkt)
    {
        var p = GeometryMeasurement.InteriorPoint(WellKnownText.Read(wkt));
        return (p.X, p.Y);
    }

    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string Kind { get; set; } = GardenKinds.Edible;
    public string BoundaryWkt { get; set; } = "";
    public double AreaSquareMetres { get; set; }
    public string Layout { get; set; } = "grid";
    public double? TargetPlotSquareMetres { get; set; }
    public double PathWidthMetres { get; set; }
    public double AcceptOfferHours { get; set; }
    public string? CommunityCode { get; set; }
    public string? CommunityName { get; set; }
    public List<SeasonTerm> Seasons { get; set; } = [];
    public List<Guid> PlotIds { get; set; } = [];
    public List<WaitingEntry> WaitingList { get; set; } = [];
    public List<LotteryRound> Rounds { get; set; } = [];

    /// <summary>The season whose term contains <paramref name="date"/>, else the last one that started before it, else the first.</summary>
    public SeasonTerm? SeasonOn(DateOnly date) =>
        Seasons.FirstOrDefault(s => s.StartsOn <= date && date <= s.EndsOn)
        ?? Seasons.Where(s => s.StartsOn <= date).MaxBy(s => s.StartsOn)
        ?? Seasons.MinBy(s => s.StartsOn);

    public SeasonTerm? Term(string season) => Seasons.FirstOrDefault(s => s.Season == season);

    public IEnumerable<Guid> WaitingIn(string season) => WaitingList.Where(w => w.Season == season).Select(w => w.HouseholdId);

    public LotteryRound? Round(Guid roundId) => Rounds.FirstOrDefault(r => r.RoundId == roundId);

    public void Fold(object data)
    {
        switch (data)
        {
            case GardenLaidOut e:
                Name = e.Name;
                Kind = e.Kind;
                BoundaryWkt = e.BoundaryWkt;
                AreaSquareMetres = e.AreaSquareMetres;
                Layout = e.Layout;
                TargetPlotSquareMetres = e.TargetPlotSquareMetres;
                PathWidthMetres = e.PathWidthMetres;
                AcceptOfferHours = e.AcceptOfferHours;
                CommunityCode = e.CommunityCode;
                CommunityName = e.CommunityName;
                Seasons = [.. e.Seasons];
                break;
            case GardenPlotsLaidOut e:
                PlotIds.AddRange(e.PlotIds);
                break;
            case SeasonOpened e:
                Seasons.Add(e.Term);
                break;
            case PlotAdded e:
                PlotIds.Add(e.PlotId);
                break;
            case WaitingListJoined e:
                WaitingList.Add(new WaitingEntry(e.Season, e.HouseholdId));
                break;
            case WaitingListLeft e:
                WaitingList.RemoveAll(w => w.Season == e.Season && w.HouseholdId == e.HouseholdId);
                break;
            case LotteryRoundOpened e:
                Rounds.Add(new LotteryRound { RoundId = e.RoundId, Season = e.Season, PlotIds = [.. e.PlotIds], OpenedAt = e.OpenedAt });
                break;
            case LotteryEntered e when Round(e.RoundId) is { } round:
                round.Entrants.Add(e.HouseholdId);
                break;
            case LotteryDrawn e when Round(e.RoundId) is { } round:
                round.Draw = e;
                foreach (var h in e.WaitingList)
                    WaitingList.Add(new WaitingEntry(round.Season, h));
                break;
        }
    }
}

/// <summary>A place on a waiting list; the list's order is the order of these entries.</summary>
public sealed record WaitingEntry(string Season, Guid HouseholdId);

/// <summary>edible (可食地景/菜园) or green (绿地).</summary>
public static class GardenKinds
{
    public const string Edible = "edible";
    public const string Green = "green";

    public static bool IsKnown(string? kind) => kind is Edible or Green;

    public static string Zh(string kind) => kind == Green ? "绿地" : "菜园";
}

/// <summary>Folds a garden's stream into its <see cref="GardenView"/>; only streams that start with <see cref="GardenLaidOut"/> make one.</summary>
public sealed class GardenProjection : SingleStreamProjection<GardenView, Guid>
{
    public GardenProjection()
    {
        IncludeType<GardenLaidOut>();
        IncludeType<GardenPlotsLaidOut>();
        IncludeType<SeasonOpened>();
        IncludeType<PlotAdded>();
        IncludeType<WaitingListJoined>();
        IncludeType<WaitingListLeft>();
        IncludeType<LotteryRoundOpened>();
        IncludeType<LotteryEntered>();
        IncludeType<LotteryDrawn>();
    }

    public override GardenView? Evolve(GardenView? snapshot, Guid id, IEvent e)
    {
        if (snapshot is null && e.Data is not GardenLaidOut)
            return null;
        var view = snapshot ?? new GardenView { Id = id };
        view.Fold(e.Data);
        return view;
    }
}
