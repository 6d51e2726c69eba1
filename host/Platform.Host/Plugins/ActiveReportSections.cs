using Platform.Abstractions.Reports;

namespace Platform.Host.Plugins;

internal sealed class ActiveReportSections(IEnumerable<IReportSection> sections) : IReportSectionCatalog
{
    private readonly IReadOnlyList<IReportSection> _all = sections.OrderBy(s => s.Order).ThenBy(s => s.Id, StringComparer.Ordinal).ToList();

    public IReadOnlyList<IReportSection> Active => _all.Where(s => s is not PluginReportSection p || p.Owner.State == PluginState.Running).ToList();
}
