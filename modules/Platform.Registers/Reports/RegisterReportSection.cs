using Marten;
using Platform.Abstractions.Jurisdiction;
using Platform.Abstractions.Registers;
using Platform.Abstractions.Reports;
using Platform.Registers.Compounds;
using Platform.Registers.Facilities;
using Platform.Registers.Planning;
using Platform.Registers.Sites;
using Platform.Spatial;

namespace Platform.Registers.Reports;

/// <summary>
/// The registers' figures in every report (<see cref="RegisterFigures"/>), restricted to the report's community (by location
/// on the as-of date) when it has one. It prints no text of its own: the report templates do.
/// </summary>
internal sealed class RegisterReportSection(IDocumentStore store, IRegisterReader registers, IJurisdictionLocator locator) : IReportSection
{
    public string Id => "registers";
    public string TitleZh => "小区、设施与项目点位";
    public string TitleEn => "Compounds, facilities and sites";
    public int Order => 0;
    public string Template => "";
    public bool SharesFigures => true;

    public async Task<object> DataAsync(ReportPeriod period, CancellationToken ct = default)
    {
        var asOf = period.AsOf;
        bool InScope(string? code) => period.CommunityCode is null || code == period.CommunityCode;
        var compounds = await registers.CompoundsAsync(asOf, ct);
        var facilities = await registers.FacilitiesAsync(asOf, ct);
        var sites = await registers.SitesAsync(asOf, ct);
        return new RegisterFigures(
            Housing(compounds.Where(c => InScope(c.CommunityCode)).ToList()),
            Facilities(facilities.Where(f => InScope(f.CommunityCode)).ToList()),
            await SitesAsync(sites.Where(s => InScope(s.CommunityCode)).ToList(), period.From, period.To, ct),
            await HubsAsync(asOf, compounds, period.CommunityCode, ct),
            await PlanningAsync(ct));
    }

    private static HousingFigures Housing(IReadOnlyList<CompoundInfo> compounds)
    {
        var byKind = CompoundKinds.All.Select(k => new CompoundKindFigures(k.Key, k.Value.Zh,
            compounds.Count(c => c.Kind == k.Key), compounds.Where(c => c.Kind == k.Key).Sum(c => c.Households))).ToList();
        var resettlement = compounds.Where(c => c.Kind == "resettlement").Select(c => c.Name).ToList();
        CompoundKindFigures Of(string kind) => byKind.First(k => k.Kind == kind);
        return new HousingFigures(compounds.Count, compounds.Sum(c => c.Households), byKind,
            compounds.Select(c => new CompoundFigures(c.Name, c.Kind, KindZh(c.Kind), c.Households, c.Buildings, c.CommunityName)).ToList(),
            Of("commercial"), Of("resettlement"), Of("talent"), Of("village"),
            resettlement.Count, string.Join("、", resettlement));
    }

    private static FacilityFigures Facilities(IReadOnlyList<FacilityInfo> facilities)
    {
        var byCategory = FacilityCategories.All
            .Select(c => new CategoryFigures(c.Code, c.NameZh, c.Kind, c.CircleLevel, facilities.Count(f => f.Category == c.Code)))
            .Where(c => c.Count > 0).ToList();
        var circles = new[] { 15, 10, 5, 0 }.Select(level =>
        {
            var required = FacilityCategories.All.Where(c => c.Kind == FacilityCategories.Public && c.CircleLevel == level).ToList();
            var present = required.Where(c => facilities.Any(f => f.Category == c.Code)).ToList();
            return new CircleFigures(level, CircleZh(level), facilities.Count(f => required.Any(r => r.Code == f.Category)),
                required.Count, present.Count, string.Join("、", required.Except(present).Select(c => c.NameZh)));
        }).ToList();
        return new FacilityFigures(facilities.Count, facilities.Count(f => f.Kind == FacilityCategories.Public),
            facilities.Count(f => f.Kind == FacilityCategories.Commercial), byCategory, circles);
    }

    private async Task<SiteFigures> SitesAsync(IReadOnlyList<SiteInfo> sites, DateOnly from, DateOnly to, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var ids = sites.Select(s => s.Id).ToHashSet();
        var histories = (await session.Query<SiteSummary>().ToListAsync(ct)).Where(s => ids.Contains(s.Id)).ToList();
        int Reached(SiteStatus status) => histories.Count(h => h.StatusHistory.Any(p => p.Status == status && p.Since >= from && p.Since <= to));
        var byStatus = Enum.GetValues<SiteStatus>().Select(s => new StatusFigures(s.Code(), s.NameZh(),
            sites.Count(x => x.Status == s.Code()), sites.Where(x => x.Status == s.Code()).Sum(x => x.BudgetWan ?? 0))).ToList();
        return new SiteFigures(sites.Count, sites.Sum(s => s.BudgetWan ?? 0), byStatus,
            sites.Select(s => new SiteRow(s.Name, s.Status, StatusZh(s.Status), s.Category, SiteCategories.ZhOf(s.Category), s.BudgetWan, s.Zone, s.CommunityName)).ToList(),
            Reached(SiteStatus.UnderConstruction), Reached(SiteStatus.Completed));
    }

    private async Task<IReadOnlyList<HubFigures>> HubsAsync(DateOnly asOf, IReadOnlyList<CompoundInfo> compounds, string? communityCode, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var hubs = (await session.Query<ServiceHubSummary>().ToListAsync(ct)).Where(h => h.InForceOn(asOf)).OrderBy(h => h.Name, StringComparer.Ordinal).ToList();
        var points = hubs.Select(h => GeometryMeasurement.InteriorPoint(WellKnownText.Read(h.GeometryWkt))).Select(p => (p.X, p.Y)).ToList();
        var communities = await locator.CommunitiesOfAsync(points, asOf, ct);
        var names = compounds.ToDictionary(c => c.Id, c => c.Name);
        return hubs.Select((h, i) => (Hub: h, Community: communities[i]))
            .Where(x => communityCode is null || x.Community?.Code == communityCode)
            .Select(x => new HubFigures(x.Hub.Name, x.Hub.OpenedOn, x.Community?.Name, x.Hub.Spaces.Count, Math.Round(x.Hub.Spaces.Sum(s => s.AreaSquareMetres), 1),
                string.Join("、", x.Hub.Spaces.Select(s => s.Name)), x.Hub.ServedCompoundIds.Count,
                string.Join("、", x.Hub.ServedCompoundIds.Select(id => names.GetValueOrDefault(id, "")).Where(n => n.Length > 0))))
            .ToList();
    }

    private async Task<PlanningFigures> PlanningAsync(CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var summaries = (await session.Query<PlanningZoneSummary>().ToListAsync(ct)).Where(z => z.InForceOn(DateOnly.FromDateTime(DateTime.Today)))
            .OrderBy(z => z.Kind == "belt" ? 0 : 1).ThenBy(z => z.Name, StringComparer.Ordinal).ToList();
        var zones = summaries.Select(z => new ZoneFigures(z.Name, z.Kind, z.Theme)).ToList();
        var scenic = summaries.Max(z => z.ScenicGrade);
        var belts = zones.Where(z => z.Kind == "belt").ToList();
        var clusters = zones.Where(z => z.Kind == "cluster").ToList();
        return new PlanningFigures(belts.Count, string.Join("、", belts.Select(b => b.Name)), clusters.Count,
            string.Concat(clusters.Select(c => $"“{c.Theme}”")), zones,
            scenic, string.Join("、", summaries.Where(z => scenic is not null && z.ScenicGrade == scenic).Select(z => z.Name)));
    }

    private static string KindZh(string kind) => CompoundKinds.All.TryGetValue(kind, out var k) ? k.Zh : kind;

    private static string StatusZh(string code) => SiteStatuses.TryParse(code, out var s) ? s.NameZh() : code;

    private static string CircleZh(int level) => level switch
    {
        15 => "15分钟生活圈",
        10 => "10分钟生活圈",
        5 => "5分钟生活圈",
        _ => "居住街坊",
    };
}
