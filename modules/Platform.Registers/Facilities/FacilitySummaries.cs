using JasperFx.Events;
using Marten.Events.Aggregation;
using Platform.Abstractions.Commands;
using Platform.Registers.Shared;

namespace Platform.Registers.Facilities;

internal sealed class FacilitySummary : ILocatedRecord
{
    (double Lon, double Lat) ILocatedRecord.Place => LabelPoints.Of(GeometryWkt);

    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string Category { get; set; } = "";
    public string GeometryWkt { get; set; } = "";
    public DateOnly OpenedOn { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public Guid? HubId { get; set; }
    public DateOnly? RetiredOn { get; set; }
    public string? RetiredReason { get; set; }
    public long Version { get; set; }

    public bool OpenOn(DateOnly date) => OpenedOn <= date && (ClosedOn is null || date < ClosedOn) && RecordEdits.InForce(RetiredOn, date);
}

internal sealed class ServiceHubSummary : ILocatedRecord
{
    (double Lon, double Lat) ILocatedRecord.Place => LabelPoints.Of(GeometryWkt);

    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string GeometryWkt { get; set; } = "";
    public List<HubSpace> Spaces { get; set; } = [];
    public List<Guid> ServedCompoundIds { get; set; } = [];
    public DateOnly OpenedOn { get; set; }
    public DateOnly? RetiredOn { get; set; }
    public string? RetiredReason { get; set; }
    public long Version { get; set; }

    public bool InForceOn(DateOnly date) => OpenedOn <= date && RecordEdits.InForce(RetiredOn, date);
}

internal sealed class FacilitySummaryProjection : SingleStreamProjection<FacilitySummary, Guid>
{
    /// <summary>Only streams of this aggregate: other streams must not produce empty documents here.</summary>
    public FacilitySummaryProjection()
    {
        IncludeType<FacilityRegistered>();
        IncludeType<FacilityClosed>();
        IncludeType<FacilityDetailsRevised>();
        IncludeType<FacilityMoved>();
        IncludeType<FacilityRetired>();
    }

    public override FacilitySummary Evolve(FacilitySummary? snapshot, Guid id, IEvent e)
    {
        if (snapshot is null && e.Data is not FacilityRegistered)
            return null!;
        var f = snapshot ?? new FacilitySummary { Id = id };
        switch (e.Data)
        {
            case FacilityRegistered x:
                (f.Name, f.Category, f.GeometryWkt, f.OpenedOn, f.HubId) = (x.Name, x.Category, x.GeometryWkt, x.OpenedOn, x.HubId);
                break;
            case FacilityClosed x:
                f.ClosedOn = x.ClosedOn;
                break;
            case FacilityDetailsRevised x:
                (f.Name, f.Category) = (x.Name, x.Category);
                break;
            case FacilityMoved x:
                f.GeometryWkt = x.GeometryWkt;
                break;
            case FacilityRetired x:
                (f.RetiredOn, f.RetiredReason) = (x.On, x.Reason);
                break;
        }
        f.Version = e.Version;
        return f;
    }
}

internal sealed class ServiceHubSummaryProjection : SingleStreamProjection<ServiceHubSummary, Guid>
{
    public ServiceHubSummaryProjection()
    {
        IncludeType<ServiceHubRegistered>();
        IncludeType<ServiceHubDetailsRevised>();
        IncludeType<ServiceHubMoved>();
        IncludeType<ServiceHubRetired>();
    }

    public override ServiceHubSummary Evolve(ServiceHubSummary? snapshot, Guid id, IEvent e)
    {
        if (snapshot is null && e.Data is not ServiceHubRegistered)
            return null!;
        var h = snapshot ?? new ServiceHubSummary { Id = id };
        switch (e.Data)
        {
            case ServiceHubRegistered x:
                (h.Name, h.GeometryWkt, h.Spaces, h.ServedCompoundIds, h.OpenedOn) = (x.Name, x.GeometryWkt, [.. x.Spaces], [.. x.ServedCompoundIds], x.OpenedOn);
                break;
            case ServiceHubDetailsRevised x:
                (h.Name, h.ServedCompoundIds) = (x.Name, [.. x.ServedCompoundIds]);
                break;
            case ServiceHubMoved x:
                h.GeometryWkt = x.GeometryWkt;
                break;
            case ServiceHubRetired x:
                (h.RetiredOn, h.RetiredReason) = (x.On, x.Reason);
                break;
        }
        h.Version = e.Version;
        return h;
    }
}
