using System.Globalization;
using Marten;
using Platform.Abstractions.Jurisdiction;
using Platform.Abstractions.Reports;
using Platform.Plugins.Vitality.Activities;
using Platform.Plugins.Vitality.Groups;

namespace Platform.Plugins.Vitality.Reports;

/// <summary>
/// 活力场景 in the reports: per community (by location on the period's last day) the groups in existence at the end of
/// the period, the activities held during it and their participants (person-times), with the street's totals.
/// </summary>
internal sealed class VitalityReportSection(IDocumentStore store, IJurisdictionLocator locator) : IReportSection
{
    public string Id => "vitality";
    public string TitleZh => "活力场景";
    public string TitleEn => "Vitality scene";
    public int Order => 340;

    // Keys are snake_case, as Scriban presents .NET members by default; dictionaries read the same either way.
    public string Template => """
        ## 活力场景 · Vitality scene

        {{ section.from_zh }}至{{ section.to_zh }}，培育居民自组织和兴趣团队 {{ section.groups }} 支（本期新成立 {{ section.groups_founded_in_period }} 支），在社区综合体、架空层、广场等共享空间开展活动 {{ section.activities }} 场，参与 {{ section.participants }} 人次。

        | 社区 | 团队 | 特色团队 | 活动 | 参与人次 |
        | --- | --- | --- | --- | --- |
        {{ for c in section.communities }}| {{ c.community_name }} | {{ c.groups }} | {{ c.signature_groups }} | {{ c.activities }} | {{ c.participants }} |
        {{ end }}
        """;

    public async Task<object> DataAsync(ReportPeriod period, CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        var groups = (await session.Query<GroupView>().ToListAsync(ct)).Where(g => g.FoundedOn <= period.To).ToList();
        var activities = await session.Query<ActivityView>().Where(a => a.HeldOn >= period.From && a.HeldOn <= period.To).ToListAsync(ct);
        var groupUnits = await locator.CommunitiesOfAsync(groups.Select(g => (g.Lon, g.Lat)).ToList(), period.To, ct);
        var activityUnits = await locator.CommunitiesOfAsync(activities.Select(a => (a.Lon, a.Lat)).ToList(), period.To, ct);
        var placedGroups = groups.Select((g, i) => (Group: g, Unit: groupUnits[i])).Where(x => period.CommunityCode is null || x.Unit?.Code == period.CommunityCode).ToList();
        var placedActivities = activities.Select((a, i) => (Activity: a, Unit: activityUnits[i])).Where(x => period.CommunityCode is null || x.Unit?.Code == period.CommunityCode).ToList();

        // One row per community that has a group or an activity; places outside every community are listed as such.
        var codes = placedGroups.Select(x => x.Unit?.Code).Concat(placedActivities.Select(x => x.Unit?.Code)).Distinct().OrderBy(c => c ?? "\uffff", StringComparer.Ordinal);
        var names = placedGroups.Select(x => x.Unit).Concat(placedActivities.Select(x => x.Unit)).Where(u => u is not null).DistinctBy(u => u!.Code).ToDictionary(u => u!.Code, u => u!.Name);
        var rows = codes.Select(code => new Dictionary<string, object?>
        {
            ["community_code"] = code,
            ["community_name"] = code is null ? "社区范围外" : names[code],
            ["groups"] = placedGroups.Count(x => x.Unit?.Code == code),
            ["signature_groups"] = placedGroups.Count(x => x.Unit?.Code == code && x.Group.Signature),
            ["activities"] = placedActivities.Count(x => x.Unit?.Code == code),
            ["participants"] = placedActivities.Where(x => x.Unit?.Code == code).Sum(x => x.Activity.Participants),
        }).ToList();
        return new Dictionary<string, object?>
        {
            ["from"] = period.From.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["to"] = period.To.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            ["from_zh"] = $"{period.From.Year}年{period.From.Month}月{period.From.Day}日",
            ["to_zh"] = $"{period.To.Year}年{period.To.Month}月{period.To.Day}日",
            ["community_code"] = period.CommunityCode,
            ["groups"] = placedGroups.Count,
            ["groups_founded_in_period"] = placedGroups.Count(x => x.Group.FoundedOn >= period.From),
            ["activities"] = placedActivities.Count,
            ["participants"] = placedActivities.Sum(x => x.Activity.Participants),
            ["communities"] = rows,
        };
    }
}
