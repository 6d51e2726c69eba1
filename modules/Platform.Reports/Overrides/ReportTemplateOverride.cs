using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Platform.Reports.Overrides;

/// <summary>The text a template has now: <see cref="Text"/> null means the shipped one.</summary>
internal sealed class ReportTemplateOverride
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string? Text { get; set; }
    public long Version { get; set; }
}

internal sealed class ReportTemplateOverrideProjection : SingleStreamProjection<ReportTemplateOverride, Guid>
{
    /// <summary>Only streams of this aggregate: other streams must not produce empty documents here.</summary>
    public ReportTemplateOverrideProjection()
    {
        IncludeType<ReportTemplateRevised>();
        IncludeType<ReportTemplateReverted>();
    }

    public override ReportTemplateOverride Evolve(ReportTemplateOverride? snapshot, Guid id, IEvent e)
    {
        var o = snapshot ?? new ReportTemplateOverride { Id = id };
        switch (e.Data)
        {
            case ReportTemplateRevised x:
                (o.Name, o.Text) = (x.Name, x.Text);
                break;
            case ReportTemplateReverted x:
                (o.Name, o.Text) = (x.Name, x.Text);
                break;
        }
        o.Version = e.Version;
        return o;
    }
}
