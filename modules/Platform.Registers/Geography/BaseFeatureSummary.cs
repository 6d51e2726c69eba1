using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Platform.Registers.Geography;

/// <summary>Water or road; <see cref="Kind"/> is <c>water</c> or <c>road</c>.</summary>
internal sealed class BaseFeatureSummary
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string Kind { get; set; } = "";
    public string GeometryWkt { get; set; } = "";

    /// <summary>For roads: <c>main</c> (主干路) or <c>local</c> (支路).</summary>
    public string? Class { get; set; }
}

internal sealed class BaseFeatureProjection : SingleStreamProjection<BaseFeatureSummary, Guid>
{
    public BaseFeatureProjection() => IncludeType<BaseFeatureRecorded>();

    public override BaseFeatureSummary Evolve(BaseFeatureSummary? snapshot, Guid id, IEvent e) => e.Data is BaseFeatureRecorded b
        ? new BaseFeatureSummary { Id = id, Name = b.Name, Kind = b.Kind, GeometryWkt = b.GeometryWkt, Class = b.Kind == "road" ? b.Class ?? "main" : null }
        : snapshot!;
}
