using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Platform.Registers.Planning;

/// <summary>A planning zone; <see cref="Kind"/> is <c>belt</c> or <c>cluster</c>.</summary>
internal sealed class PlanningZoneSummary
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Theme { get; set; } = "";
    public string GeometryWkt { get; set; } = "";
    public string Description { get; set; } = "";
}

internal sealed class PlanningZoneProjection : SingleStreamProjection<PlanningZoneSummary, Guid>
{
    public PlanningZoneProjection() => IncludeType<ZoneDesignated>();

    public override PlanningZoneSummary Evolve(PlanningZoneSummary? snapshot, Guid id, IEvent e) => e.Data is ZoneDesignated z
        ? new PlanningZoneSummary { Id = id, Name = z.Name, Kind = z.Kind, Theme = z.Theme, GeometryWkt = z.GeometryWkt, Description = z.Description }
        : snapshot!;
}
