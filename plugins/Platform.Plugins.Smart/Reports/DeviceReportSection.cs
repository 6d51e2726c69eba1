using Marten;
using Platform.Abstractions.Jurisdiction;
using Platform.Abstractions.Reports;
using Platform.Plugins.Smart.Devices;

namespace Platform.Plugins.Smart.Reports;

/// <summary>
/// 智慧场景 in the reports: devices in place at the end of the period by kind and status, the online rate, and how many
/// were installed during the period; restricted to a community by the devices' locations on the period's last day.
/// </summary>
internal sealed class DeviceReportSection(IDocumentStore store, IJurisdictionLocator locator) : IReportSection
{
    public string Id => "smart";
    public string TitleZh => "智慧场景";
    public string TitleEn => "Smart scene";
    public int Order => 330;

    // Members are snake_case, as Scriban's default renamer presents .NET properties; the data are dictionaries with
    // exactly those keys, so the template reads the same whether the engine imports objects or their JSON.
    public string Template => """
        ## 智慧场景 · Smart scene

        截至{{ section.as_of_zh }}，智慧小区试点共接入设备 {{ section.total }} 台，覆盖小区 {{ section.compounds }} 个；其中在线 {{ section.online }} 台，在线率 {{ section.online_rate }}%；本期新装 {{ section.installed_in_period }} 台。

        | 设备类型 | 合计 | 在线 | 离线 | 维护中 |
        | --- | --- | --- | --- | --- |
        {{ for k in section.by_kind }}| {{ k.kind_zh }} | {{ k.total }} | {{ k.online }} | {{ k.offline }} | {{ k.maintenance }} |
        {{ end }}
        """;

    public async Task<object> DataAsync(ReportPeriod period, CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        var devices = (await session.Query<DeviceView>().ToListAsync(ct)).Where(d => d.StatusOn(period.AsOf) is not null && d.Model != Cli.SimulateVerb.Model).ToList();
        if (period.CommunityCode is { } code)
        {
            var communities = await locator.CommunitiesOfAsync(devices.Select(d => (d.Lon, d.Lat)).ToList(), period.AsOf, ct);
            devices = devices.Where((_, i) => communities[i]?.Code == code).ToList();
        }
        var rows = devices.Select(d => (d.Kind, Status: d.StatusOn(period.AsOf)!, d.Compound, d.InstalledOn)).ToList();
        var online = rows.Count(r => r.Status == DeviceStatuses.Online);
        return new Dictionary<string, object?>
        {
            ["from"] = period.From.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["to"] = period.To.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            // The date devices are counted on (the report's as-of date), in Chinese form as every "截至" of the report.
            ["as_of_zh"] = $"{period.AsOf.Year}年{period.AsOf.Month}月{period.AsOf.Day}日",
            ["community_code"] = period.CommunityCode,
            ["total"] = rows.Count,
            ["compounds"] = rows.Select(r => r.Compound).Distinct().Count(),
            ["online"] = online,
            ["offline"] = rows.Count(r => r.Status == DeviceStatuses.Offline),
            ["maintenance"] = rows.Count(r => r.Status == DeviceStatuses.Maintenance),
            ["online_rate"] = rows.Count == 0 ? 0 : Math.Round(100.0 * online / rows.Count, 1),
            ["installed_in_period"] = rows.Count(r => r.InstalledOn >= period.From),
            ["by_kind"] = DeviceKinds.All.Select(k => new Dictionary<string, object?>
            {
                ["kind"] = k.Code,
                ["kind_zh"] = k.NameZh,
                ["kind_en"] = k.NameEn,
                ["total"] = rows.Count(r => r.Kind == k.Code),
                ["online"] = rows.Count(r => r.Kind == k.Code && r.Status == DeviceStatuses.Online),
                ["offline"] = rows.Count(r => r.Kind == k.Code && r.Status == DeviceStatuses.Offline),
                ["maintenance"] = rows.Count(r => r.Kind == k.Code && r.Status == DeviceStatuses.Maintenance),
            }).ToList(),
        };
    }
}
