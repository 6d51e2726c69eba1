using JasperFx.Events;
using Marten.Events.Aggregation;
using Platform.Abstractions.Commands;
using Platform.Registers.Shared;

namespace Platform.Registers.Sites;

/// <summary>A site as the register shows it, with its status history for "as of" questions.</summary>
internal sealed class SiteSummary : ILocatedRecord
{
    (double Lon, double Lat) ILocatedRecord.Place => LabelPoints.Of(GeometryWkt);

    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string Category { get; set; } = "";
    public string GeometryWkt { get; set; } = "";
    public SiteStatus Status { get; set; }
    public decimal? BudgetWan { get; set; }
    public string? Owner { get; set; }
    public Guid? ZoneId { get; set; }
    public DateOnly RegisteredOn { get; set; }
    public List<StatusPeriod> StatusHistory { get; set; } = [];
    public long Version { get; set; }

    /// <summary>The status in force on <paramref name="date"/>, or null before the site existed.</summary>
    public SiteStatus? StatusOn(DateOnly date) => StatusHistory.LastOrDefault(p => p.Since <= date)?.Status;
}

internal sealed record StatusPeriod(SiteStatus Status, DateOnly Since);

internal sealed class SiteSummaryProjection : SingleStreamProjection<SiteSummary, Guid>
{
    /// <summary>Only streams of this aggregate: other streams must not produce empty documents here.</summary>
    public SiteSummaryProjection()
    {
        IncludeType<SiteRegistered>();
        IncludeType<SiteStatusChanged>();
        IncludeType<SiteReshaped>();
        IncludeType<SiteDetailsRevised>();
    }

    public override SiteSummary Evolve(SiteSummary? snapshot, Guid id, IEvent e)
    {
        if (snapshot is null && e.Data is not SiteRegistered)
            return null!;
        var s = snapshot ?? new SiteSummary { Id = id };
        switch (e.Data)
        {
            case SiteRegistered x:
                (s.Name, s.Category, s.GeometryWkt, s.Status, s.BudgetWan, s.Owner, s.ZoneId, s.RegisteredOn) =
                    (x.Name, x.Category, x.GeometryWkt, x.Status, x.BudgetWan, x.Owner, x.ZoneId, x.StatusSince);
                s.StatusHistory.Add(new StatusPeriod(x.Status, x.StatusSince));
                break;
            case SiteStatusChanged x:
                s.Status = x.To;
                s.StatusHistory.Add(new StatusPeriod(x.To, x.EffectiveDate));
                break;
            case SiteReshaped x:
                s.GeometryWkt = x.GeometryWkt;
                break;
            case SiteDetailsRevised x:
                (s.Name, s.Category, s.BudgetWan, s.Owner, s.ZoneId) = (x.Name, x.Category, x.BudgetWan, x.Owner, x.ZoneId);
                break;
        }
        s.Version = e.Version;
        return s;
    }
}
