using Marten;
using Platform.Abstractions.Jurisdiction;
using Platform.Abstractions.Reports;
using Platform.Plugins.Vitality.Activities;
using Platform.Plugins.Vitality.Groups;

namespace Platform.Plugins.Vitality.Reports;

/// <summary>
/// The vitality figures of the annual summary's section 二 四 (营造活力场景), shared as <c>report.vitality</c>: groups incubated by
/// stage at the period's end, communities with a specialty group, and the period's activities, series and person-times (人次).
/// </summary>
internal sealed class VitalityFiguresSection(IDocumentStore store, IJurisdictionLocator locator) : IReportSection
{
    public string Id => "vitality-figures";
    public string TitleZh => "活力场景数据";
    public string TitleEn => "Vitality figures";
    public int Order => 341;
    public string Template => "";
    public bool SharesFigures => true;

    public async Task<object> DataAsync(ReportPeriod period, CancellationToken ct = default) =>
        new Dictionary<string, object?> { ["vitality"] = await FiguresAsync(period, ct) };

    public async Task<Dictionary<string, object?>> FiguresAsync(ReportPeriod period, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var groups = (await session.Query<GroupView>().ToListAsync(ct)).Where(g => g.FoundedOn <= period.To).ToList();
        var activities = await session.Query<ActivityView>().Where(a => a.HeldOn >= period.From && a.HeldOn <= period.To).ToListAsync(ct);
        var groupUnits = await locator.CommunitiesOfAsync(groups.Select(g => (g.Lon, g.Lat)).ToList(), period.AsOf, ct);
        var activityUnits = await locator.CommunitiesOfAsync(activities.Select(a => (a.Lon, a.Lat)).ToList(), period.AsOf, ct);
        var here = groups.Where((g, i) => period.CommunityCode is null || groupUnits[i]?.Code == period.CommunityCode).ToList();
        var signatureCommunities = groups.Select((g, i) => (g, Code: groupUnits[i]?.Code))
            .Where(x => x.g.Signature && x.Code is not null && (period.CommunityCode is null || x.Code == period.CommunityCode)).Select(x => x.Code).Distinct().Count();
        var held = activities.Where((a, i) => period.CommunityCode is null || activityUnits[i]?.Code == period.CommunityCode).ToList();
        string StageOn(GroupView g) => g.MaturedOn <= period.To ? GroupStages.Mature : g.RegisteredOn <= period.To ? GroupStages.Registered : GroupStages.Sprouting;
        var series = held.Where(a => a.Series is not null).GroupBy(a => a.Series!).OrderByDescending(s => s.Count()).ThenBy(s => s.Key, StringComparer.Ordinal)
            .Select(s => $"“{s.Key}”").ToList();
        return new Dictionary<string, object?>
        {
            ["groups"] = here.Count,
            ["founded_in_period"] = here.Count(g => g.FoundedOn >= period.From),
            ["sprouting"] = here.Count(g => StageOn(g) == GroupStages.Sprouting),
            ["registered"] = here.Count(g => StageOn(g) == GroupStages.Registered),
            ["mature"] = here.Count(g => StageOn(g) == GroupStages.Mature),
            ["signature_communities"] = signatureCommunities,
            ["activities"] = held.Count,
            ["person_times"] = held.Sum(a => a.Participants),
            ["series_zh"] = string.Join("、", series.Take(4)),
        };
    }
}
