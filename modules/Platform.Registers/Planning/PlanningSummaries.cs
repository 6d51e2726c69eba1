using JasperFx.Events;
using Marten.Events.Aggregation;
using Platform.Registers.Shared;

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

    /// <summary>The A-level scenic-area grade the plan sets for the zone, 1–5; null when none.</summary>
    public int? ScenicGrade { get; set; }

    public DateOnly? RetiredOn { get; set; }
    public string? RetiredReason { get; set; }
    public long Version { get; set; }

    public bool InForceOn(DateOnly date) => RecordEdits.InForce(RetiredOn, date);
}

internal sealed class PlanningZoneProjection : SingleStreamProjection<PlanningZoneSummary, Guid>
{
    public PlanningZoneProjection()
    {
        IncludeType<ZoneDesignated>();
        IncludeType<ZoneRevised>();
        IncludeType<ZoneReshaped>();
        IncludeType<ZoneRetired>();
    }

    public override PlanningZoneSummary Evolve(PlanningZoneSummary? snapshot, Guid id, IEvent e)
    {
        if (snapshot is null && e.Data is not ZoneDesignated)
            return null!;
        var z = snapshot ?? new PlanningZoneSummary { Id = id };
        switch (e.Data)
        {
            case ZoneDesignated x:
                (z.Name, z.Kind, z.Theme, z.GeometryWkt, z.Description) = (x.Name, x.Kind, x.Theme, x.GeometryWkt, x.Description);
                break;
            case ZoneRevised x:
                (z.Name, z.Kind, z.Theme, z.Description, z.ScenicGrade) = (x.Name, x.Kind, x.Theme, x.Description, x.ScenicGrade);
                break;
            case ZoneReshaped x:
                z.GeometryWkt = x.GeometryWkt;
                break;
            case ZoneRetired x:
                (z.RetiredOn, z.RetiredReason) = (x.On, x.Reason);
                break;
        }
        z.Version = e.Version;
        return z;
    }
}
