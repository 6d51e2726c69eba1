using System.Globalization;
using Marten;
using Platform.Abstractions.Jurisdiction;
using Platform.Abstractions.Reports;
using Platform.Plugins.Smart.Alarms;
using Platform.Plugins.Smart.Devices;
using Platform.Plugins.Smart.Incidents;
using Platform.Plugins.Smart.Projects;

namespace Platform.Plugins.Smart.Reports;

/// <summary>
/// The smart compounds in the annual summary, shared as <c>report.smart_compounds</c> (no text of its own): the paragraph
/// 推进智慧小区建设 of section (五) and the plan 营造智慧场景 of section 二, from the projects (stage reached by the period's end),
/// their devices, the alarms and the command centre's incidents of the period. Simulated devices (the benchmark's) are left out.
/// Restricted to a community by the projects' and devices' places.
/// </summary>
internal sealed class SmartCompoundReportSection(IDocumentStore store, IJurisdictionLocator locator) : IReportSection
{
    public string Id => "smart_compounds";
    public string TitleZh => "智慧小区建设";
    public string TitleEn => "Smart compounds";
    public int Order => 331;
    public string Template => "";
    public bool SharesFigures => true;

    public async Task<object> DataAsync(ReportPeriod period, CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        var projects = (await session.Query<ProjectView>().ToListAsync(ct)).Where(p => p.StageOn(period.To) is not null).ToList();
        var devices = (await session.Query<DeviceView>().ToListAsync(ct)).Where(d => d.Model != Cli.SimulateVerb.Model && d.StatusOn(period.To) is not null).ToList();
        var alarms = (await session.Query<AlarmView>().ToListAsync(ct)).Where(a => Day(a.RaisedAt) >= period.From && Day(a.RaisedAt) <= period.To).ToList();
        var incidents = (await session.Query<IncidentView>().ToListAsync(ct)).Where(i => Day(i.ReportedAt) >= period.From && Day(i.ReportedAt) <= period.To).ToList();
        if (period.CommunityCode is { } code)
        {
            async Task<List<T>> Within<T>(List<T> items, Func<T, (double, double)> place)
            {
                var communities = await locator.CommunitiesOfAsync(items.Select(place).ToList(), period.To, ct);
                return items.Where((_, i) => communities[i]?.Code == code).ToList();
            }
            projects = await Within(projects, p => (p.Lon, p.Lat));
            devices = await Within(devices, d => (d.Lon, d.Lat));
            alarms = await Within(alarms, a => (a.Lon, a.Lat));
            incidents = await Within(incidents, i => (i.Lon, i.Lat));
        }
        int Rank(ProjectView p) => ProjectStages.IndexOf(p.StageOn(period.To));
        var pilots = projects.Where(p => Rank(p) >= ProjectStages.IndexOf("install")).OrderBy(p => p.Stages[0].On).ToList();
        var planned = projects.Where(p => Rank(p) < ProjectStages.IndexOf("install")).OrderBy(p => p.Stages[0].On).ThenBy(p => p.Compound, StringComparer.Ordinal).ToList();
        var pilotDevices = devices.Where(d => pilots.Any(p => p.Id == d.ProjectId)).ToList();
        var kinds = DeviceKinds.All.Where(k => pilotDevices.Any(d => d.Kind == k.Code)).Select(k => ShortName(k.Code)).ToList();
        var stageOfPilots = pilots.Count == 0 ? (int?)null : pilots.Select(Rank).Min();
        var closed = incidents.Count(i => i.ClosedAt is { } at && Day(at) <= period.To);
        var cleared = alarms.Count(a => a.ClearedAt is { } at && Day(at) <= period.To);
        return new SmartCompoundsData(new SmartCompoundFigures(
            pilots.Count > 0,
            string.Join("、", pilots.Select(p => p.Compound).Distinct()),
            string.Join("、", pilots.Select(p => p.Contractor).Where(c => c is not null).Distinct()),
            pilots.Count(p => Rank(p) >= ProjectStages.IndexOf("procure")) == pilots.Count && pilots.Count > 0,
            pilotDevices.Count,
            string.Join("、", kinds),
            stageOfPilots is { } s ? ProjectStages.All[s].NameZh : "",
            stageOfPilots >= ProjectStages.IndexOf("commission"),
            stageOfPilots >= ProjectStages.IndexOf("operate"),
            planned.Count,
            string.Join("、", planned.Select(p => p.Compound).Distinct()),
            devices.Count(d => d.Kind == "service_robot"),
            alarms.Count, cleared, incidents.Count, closed,
            incidents.Count(i => i.AlarmId is not null)));
    }

    private static DateOnly Day(DateTimeOffset at) => DateOnly.FromDateTime(at.LocalDateTime);

    // As the summary names them: 监控、道闸 rather than the register's full kind names.
    private static string ShortName(string kind) => kind switch
    {
        "camera" => "监控",
        "barrier_gate" => "道闸",
        "face_gate" => "人脸识别门禁",
        "temperature_check" => "智慧测温",
        "info_screen" => "信息发布屏",
        "service_robot" => "服务机器人",
        _ => kind,
    };
}

/// <summary>The shared data: <c>report.smart_compounds</c>.</summary>
public sealed record SmartCompoundsData(SmartCompoundFigures SmartCompounds);

/// <summary>
/// The smart-compound figures of a period: the pilot projects (those that reached 安装 by its end) with their compounds,
/// contractors, devices and the least advanced stage among them; the projects still in 方案/采购 (the next ones); alarms and
/// incidents of the period.
/// </summary>
public sealed record SmartCompoundFigures(
    bool HasPilot, string PilotCompoundsZh, string ContractorsZh, bool Procured, int PilotDevices, string PilotDeviceKindsZh, string PilotStageZh,
    bool Commissioning, bool Operating, int Planned, string PlannedCompoundsZh, int ServiceRobots,
    int Alarms, int AlarmsCleared, int Incidents, int IncidentsClosed, int IncidentsFromAlarms);
