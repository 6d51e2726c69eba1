using Platform.Abstractions.Commands;

namespace Platform.Plugins.Ecological.Gardens;

/// <summary>
/// A plot as read models see it: where it is, and per season who holds it, who it is offered to, or which
/// lottery round has it reserved. Folded from the plot's stream by <see cref="PlotProjection"/>; the plot grain
/// folds the same way (<see cref="Fold"/>), so grain state and document never disagree.
/// </summary>
public sealed class PlotView : ILocatedRecord
{
    (double Lon, double Lat) ILocatedRecord.Place => GardenView.PlaceOf(BoundaryWkt);

    public Guid Id { get; set; }
    public Guid GardenId { get; set; }
    public string Number { get; set; } = "";
    public string BoundaryWkt { get; set; } = "";
    public double AreaSquareMetres { get; set; }
    public string Layout { get; set; } = "grid";
    public List<Tenancy> Tenancies { get; set; } = [];
    public PlotOffer? Offer { get; set; }
    public PlotReservation? Reservation { get; set; }

    public Tenancy? HolderIn(string season) => Tenancies.FirstOrDefault(t => t.Season == season);

    /// <summary>free, claimed, offered or reserved in <paramref name="season"/>.</summary>
    public string StatusIn(string season) =>
        HolderIn(season) is not null ? PlotStatus.Claimed
        : Offer?.Season == season ? PlotStatus.Offered
        : Reservation?.Season == season ? PlotStatus.Reserved
        : PlotStatus.Free;

    public void Fold(object data)
    {
        switch (data)
        {
            case PlotLaidOut e:
                GardenId = e.GardenId;
                Number = e.Number;
                BoundaryWkt = e.BoundaryWkt;
                AreaSquareMetres = e.AreaSquareMetres;
                Layout = e.Layout;
                break;
            case PlotClaimed e:
                Tenancies.Add(new Tenancy(e.Season, e.HouseholdId, e.Source, e.At));
                if (Offer?.Season == e.Season)
                    Offer = null;
                if (Reservation?.Season == e.Season)
                    Reservation = null;
                break;
            case PlotReleased e:
                Tenancies.RemoveAll(t => t.Season == e.Season && t.HouseholdId == e.HouseholdId);
                break;
            case PlotTransferred e:
                Tenancies.RemoveAll(t => t.Season == e.Season);
                Tenancies.Add(new Tenancy(e.Season, e.ToHouseholdId, "transfer", e.At));
                break;
            case PlotRenewed e:
                Tenancies.Add(new Tenancy(e.ToSeason, e.HouseholdId, "renewal", e.At));
                break;
            case PlotOffered e:
                Offer = new PlotOffer(e.Season, e.HouseholdId, e.Deadline);
                break;
            case PlotOfferLapsed:
                Offer = null;
                break;
            case PlotReserved e:
                Reservation = new PlotReservation(e.RoundId, e.Season);
                break;
            case PlotReservationLifted:
                Reservation = null;
                break;
        }
    }
}

/// <summary>Who holds a plot in a season and how they came to (claim, lottery, offer, transfer, renewal).</summary>
public sealed record Tenancy(string Season, Guid HouseholdId, string Source, DateTimeOffset Since);

/// <summary>An open offer to a waiting household.</summary>
public sealed record PlotOffer(string Season, Guid HouseholdId, DateTimeOffset Deadline);

/// <summary>A plot held back for a lottery round.</summary>
public sealed record PlotReservation(Guid RoundId, string Season);

/// <summary>The statuses of a plot in a season, as the map colours them.</summary>
public static class PlotStatus
{
    public const string Free = "free";
    public const string Claimed = "claimed";
    public const string Offered = "offered";
    public const string Reserved = "reserved";

    public static string Zh(string status) => status switch
    {
        Claimed => "已认领",
        Offered => "待确认（候补递补）",
        Reserved => "摇号保留",
        _ => "空闲",
    };
}
