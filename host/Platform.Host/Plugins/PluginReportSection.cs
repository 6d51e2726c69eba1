using Platform.Abstractions.Reports;

namespace Platform.Host.Plugins;

/// <summary>A plugin's report section, tagged with its owner so reports leave it out while the plugin is not running.</summary>
internal sealed class PluginReportSection(PluginEntry owner, IReportSection inner) : IReportSection
{
    public PluginEntry Owner { get; } = owner;
    public string Id => inner.Id;
    public string TitleZh => inner.TitleZh;
    public string TitleEn => inner.TitleEn;
    public int Order => inner.Order;
    public string Template => inner.Template;
    public bool SharesFigures => inner.SharesFigures;

    public Task<object> DataAsync(ReportPeriod period, CancellationToken ct = default) => inner.DataAsync(period, ct);

    public static ServiceDescriptor Wrap(ServiceDescriptor d, PluginEntry owner) =>
        ServiceDescriptor.Singleton<IReportSection>(sp => new PluginReportSection(owner, d switch
        {
            { ImplementationInstance: IReportSection instance } => instance,
            { ImplementationFactory: { } factory } => (IReportSection)factory(sp),
            { ImplementationType: { } type } => (IReportSection)ActivatorUtilities.CreateInstance(sp, type),
            _ => throw new InvalidOperationException($"Plugin {owner.Id} registered an IReportSection the host cannot build."),
        }));
}
