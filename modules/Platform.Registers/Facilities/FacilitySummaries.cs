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
    public long Version { get; set; }

    public bool OpenOn(DateOnly date) => OpenedOn <= date && (ClosedOn is null || date < ClosedOn);
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
}

internal sealed class FacilitySummaryProjection : SingleStreamProjection<FacilitySummary, Guid>
{
    /// <summary>Only streams of this aggregate: other streams must not produce empty documents here.</summary>
    public FacilitySummaryProjection()
    {
        IncludeType<FacilityRegistered>();
        IncludeType<FacilityClosed>();
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
        }
        f.Version = e.Version;
        return f;
    }
}

internal sealed class ServiceHubSummaryProjection : SingleStreamProjection<ServiceHubSummary, Guid>
{
    public ServiceHubSummaryProjection() => IncludeType<ServiceHubRegistered>();

    public override ServiceHubSummary Evolve(ServiceHubSummary? snapshot, Guid id, IEvent e) => e.Data is ServiceHubRegistered x
        ? new ServiceHubSummary { Id = id, Name = x.Name, GeometryWkt = x.GeometryWkt, Spaces = [.. x.Spaces], ServedCompoundIds = [.. x.ServedCompoundIds], OpenedOn = x.OpenedOn }
        : snapshot!;
}
