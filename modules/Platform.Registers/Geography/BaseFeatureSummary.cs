using JasperFx.Events;
using Marten.Events.Aggregation;
using Platform.Registers.Shared;

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

    public DateOnly? RetiredOn { get; set; }
    public string? RetiredReason { get; set; }
    public long Version { get; set; }

    public bool InForceOn(DateOnly date) => RecordEdits.InForce(RetiredOn, date);
}

internal sealed class BaseFeatureProjection : SingleStreamProjection<BaseFeatureSummary, Guid>
{
    public BaseFeatureProjection()
    {
        IncludeType<BaseFeatureRecorded>();
        IncludeType<BaseFeatureRevised>();
        IncludeType<BaseFeatureReshaped>();
        IncludeType<BaseFeatureRetired>();
    }

    public override BaseFeatureSummary Evolve(BaseFeatureSummary? snapshot, Guid id, IEvent e)
    {
        if (snapshot is null && e.Data is not BaseFeatureRecorded)
            return null!;
        var b = snapshot ?? new BaseFeatureSummary { Id = id };
        switch (e.Data)
        {
            case BaseFeatureRecorded x:
                (b.Name, b.Kind, b.GeometryWkt, b.Class) = (x.Name, x.Kind, x.GeometryWkt, x.Kind == "road" ? x.Class ?? "main" : null);
                break;
            case BaseFeatureRevised x:
                (b.Name, b.Class) = (x.Name, b.Kind == "road" ? x.Class ?? b.Class : null);
                break;
            case BaseFeatureReshaped x:
                b.GeometryWkt = x.GeometryWkt;
                break;
            case BaseFeatureRetired x:
                (b.RetiredOn, b.RetiredReason) = (x.On, x.Reason);
                break;
        }
        b.Version = e.Version;
        return b;
    }
}
