using Platform.Abstractions.Reports;

namespace Platform.Plugins.Smart.Reports;

internal sealed class SmartCompoundReportSection : IReportSection
{
    public string Id => "smart_compound";
    public string TitleZh => "智慧小区建设";
    public string TitleEn => "Smart compounds";
    public int Order => 331;
    public string Template => "";

    public Task<object> DataAsync(ReportPeriod period, CancellationToken ct = default) => Task.FromResult<object>(new Dictionary<string, object?>());
}
