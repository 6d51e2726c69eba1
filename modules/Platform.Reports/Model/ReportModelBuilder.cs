using System.Globalization;
using System.Security.Claims;
using Marten;
using Microsoft.Extensions.Options;
using Platform.Abstractions.Jurisdiction;
using Platform.Abstractions.Registers;
using Platform.Jurisdiction;
using Platform.Jurisdiction.Queries;
using Platform.Jurisdiction.Units;
using Platform.Registers.Compounds;
using Platform.Registers.Facilities;
using Platform.Registers.Planning;
using Platform.Registers.Sites;
using Platform.Spatial;

namespace Platform.Reports.Model;

/// <summary>Reads the records of a period into a <see cref="ReportModel"/>; every figure comes from a register or a scene.</summary>
public sealed class ReportModelBuilder(
    IDocumentStore store,
    JurisdictionQueries jurisdiction,
    IRegisterReader registers,
    IJurisdictionLocator locator,
    SceneStatistics scenes,
    IOptions<JurisdictionOptions> options)
{
    /// <summary>The model of <paramref name="kind"/> for <paramref name="year"/>, restricted to <paramref name="communityCode"/> when given.</summary>
    /// <exception cref="UnknownCommunityException">No community or village has that code in that year.</exception>
    public async Task<ReportModel> BuildAsync(string kind, int year, string? communityCode, ClaimsPrincipal? user, CancellationToken ct)
    {
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        var today = DateOnly.FromDateTime(DateTime.Today);
        var asOf = to < today ? to : today;

        var units = await jurisdiction.AsOfAsync(asOf, ct);
        CommunityRef? community = null;
        Guid? communityId = null;
        if (communityCode is not null)
        {
            var unit = units.FirstOrDefault(u => u.Version.Level.Tier() == 1 && u.Version.Code == communityCode)
                ?? throw new UnknownCommunityException(communityCode, asOf);
            community = new CommunityRef(unit.Version.Code, unit.Version.Name, unit.Version.Level.ToString().ToLowerInvariant(), unit.Version.Level.NameZh());
            communityId = unit.Id;
        }
        bool InScope(string? code) => communityCode is null || code == communityCode;

        var compounds = await registers.CompoundsAsync(asOf, ct);
        var facilities = await registers.FacilitiesAsync(asOf, ct);
        var sites = await registers.SitesAsync(asOf, ct);
        var street = units.FirstOrDefault(u => u.Version.Level == UnitLevel.Street && u.Version.DelegatedFromStreet is null);

        return new ReportModel(
            kind, year, from, to, asOf,
            new StreetFigures(street?.Version.Name ?? options.Value.StreetName, street?.Version.Code ?? "",
                units.Count(u => u.Version.Level == UnitLevel.Community), units.Count(u => u.Version.Level == UnitLevel.Village),
                units.Count(u => u.Version.Level == UnitLevel.Group)),
            community,
            await RestructuringAsync(from, to, community?.Name, communityId, ct),
            Delegation(units, options.Value.StreetName),
            Housing(compounds.Where(c => InScope(c.CommunityCode)).ToList()),
            Facilities(facilities.Where(f => InScope(f.CommunityCode)).ToList()),
            await SitesAsync(sites.Where(s => InScope(s.CommunityCode)).ToList(), from, to, ct),
            await HubsAsync(asOf, compounds, communityCode, ct),
            await PlanningAsync(ct),
            await scenes.GardensAsync(year, communityCode, user, ct),
            Communities(units, compounds, facilities, sites, communityCode));
    }

    private async Task<RestructuringFigures> RestructuringAsync(DateOnly from, DateOnly to, string? communityName, Guid? communityId, CancellationToken ct)
    {
        var statistics = await jurisdiction.StatisticsAsync(from, to, ct);
        var histories = (await jurisdiction.AllAsync(ct)).ToDictionary(h => h.Id);
        string NameOf(Guid id, DateOnly date) =>
            histories.TryGetValue(id, out var h) ? (h.At(date.AddDays(-1)) ?? h.At(date) ?? h.Latest)?.Name ?? "" : "";

        await using var session = store.QuerySession();
        string[] types = ["jurisdiction.village_converted_to_community", "jurisdiction.unit_abolished", "jurisdiction.unit_renamed",
            "jurisdiction.boundary_adjusted", "jurisdiction.household_vote_held", "jurisdiction.unit_established"];
        var events = await session.Events.QueryAllRawEvents().Where(e => types.Contains(e.EventTypeName)).ToListAsync(ct);

        var changes = new List<UnitChange>();
        var votes = new List<VoteFigures>();
        var involved = new HashSet<Guid>();
        foreach (var e in events)
        {
            switch (e.Data)
            {
                case VillageConvertedToCommunity x when InPeriod(x.Decision):
                    changes.Add(new UnitChange(x.Decision.EffectiveDate, "converted", "村改居", NameOf(e.StreamId, x.Decision.EffectiveDate), x.Name, x.Decision.DocumentNumber));
                    involved.Add(e.StreamId);
                    break;
                case UnitAbolished x when InPeriod(x.Decision):
                    var level = histories.TryGetValue(e.StreamId, out var h) ? h.Latest?.Level : null;
                    changes.Add(new UnitChange(x.Decision.EffectiveDate, "merged", level == UnitLevel.Group ? "小组合并" : "撤村并村",
                        NameOf(e.StreamId, x.Decision.EffectiveDate), NameOf(x.SuccessorId, x.Decision.EffectiveDate.AddDays(1)), x.Decision.DocumentNumber));
                    if (level != UnitLevel.Group)
                        involved.UnionWith([e.StreamId, x.SuccessorId]);
                    break;
                case UnitRenamed x when InPeriod(x.Decision):
                    changes.Add(new UnitChange(x.Decision.EffectiveDate, "renamed", "更名", NameOf(e.StreamId, x.Decision.EffectiveDate), x.Name, x.Decision.DocumentNumber));
                    involved.Add(e.StreamId);
                    break;
                case BoundaryAdjusted x when InPeriod(x.Decision):
                    changes.Add(new UnitChange(x.Decision.EffectiveDate, "adjusted", "范围调整", NameOf(e.StreamId, x.Decision.EffectiveDate), NameOf(x.CounterpartId, x.Decision.EffectiveDate), x.Decision.DocumentNumber));
                    involved.UnionWith([e.StreamId, x.CounterpartId]);
                    break;
                case UnitEstablished x when InPeriod(x.Decision) && x.Predecessors.Length > 0:
                    changes.Add(new UnitChange(x.Decision.EffectiveDate, "established", "更名新建", string.Join("、", x.Predecessors.Select(p => NameOf(p, x.Decision.EffectiveDate))), x.Name, x.Decision.DocumentNumber));
                    involved.Add(e.StreamId);
                    break;
                case HouseholdVoteHeld x when InPeriod(x.Decision):
                    if (communityId is { } cid && !x.GroupIds.Any(g => histories.TryGetValue(g, out var gh) && gh.Versions.Any(v => v.ParentId == cid)))
                        break;
                    votes.Add(new VoteFigures(x.Decision.EffectiveDate, string.Join("、", x.GroupIds.Select(g => NameOf(g, x.Decision.EffectiveDate))),
                        x.Vote.EligibleHouseholds, x.Vote.HouseholdsRepresented, x.Vote.VotesFor, x.Vote.VotesAgainst, x.Passed, x.Finding, x.Decision.DocumentNumber));
                    break;
            }
        }
        if (communityName is not null)
            changes = changes.Where(c => c.Unit.Contains(communityName, StringComparison.Ordinal) || c.Into == communityName).ToList();
        // The adjusted strip is recorded on both units; one line per decision and pair is enough.
        changes = changes.DistinctBy(c => (c.Date, c.Kind, string.Join("|", new[] { c.Unit, c.Into ?? "" }.Order(StringComparer.Ordinal)))).OrderBy(c => c.Date).ThenBy(c => c.Unit, StringComparer.Ordinal).ToList();

        var before = statistics.Before;
        var after = statistics.After;
        var groupSentence = string.Format(CultureInfo.InvariantCulture, "由原来{0}个村(居)民小组调整为{1}个村(居)民小组，调减比例达{2:0.00}%",
            before.Groups, after.Groups, statistics.GroupReductionPercent);
        return new RestructuringFigures(
            Counts(before), Counts(after), statistics.Reduction, statistics.ReductionPercent, statistics.GroupReduction, statistics.GroupReductionPercent,
            statistics.SentenceZh, groupSentence,
            string.Join("、", changes.Where(c => c.KindZh != "小组合并").Select(c => c.Into is null ? c.Unit + c.KindZh : $"{c.Unit}{c.KindZh}（{c.Into}）")),
            before.Communities != after.Communities || before.Villages != after.Villages || before.Groups != after.Groups,
            involved.Count, changes, votes.OrderBy(v => v.Date).ToList(), votes.Count, votes.Count(v => v.Passed), votes.Count(v => !v.Passed));

        bool InPeriod(Decision d) => d.EffectiveDate >= from && d.EffectiveDate <= to;
        static UnitCounts Counts(JurisdictionQueries.Counts c) => new(c.Date, c.Communities, c.Villages, c.Groups, c.CommunitiesAndVillages);
    }

    private static DelegationFigures Delegation(IReadOnlyList<JurisdictionQueries.UnitAt> units, string streetName)
    {
        var areas = units.Where(u => u.Version.DelegatedFromStreet is not null && u.Version.ManagingStreet == streetName)
            .Select(u => new DelegatedArea(u.Version.Name, u.Version.DelegatedFromStreet!, u.Version.ValidFrom))
            .OrderBy(a => a.Since).ToList();
        return new DelegationFigures(areas.Count, areas.Select(a => a.OwnerStreet).Distinct().Count(), areas);
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
            sites.Select(s => new SiteRow(s.Name, s.Status, StatusZh(s.Status), s.Category, s.BudgetWan, s.Zone, s.CommunityName)).ToList(),
            Reached(SiteStatus.UnderConstruction), Reached(SiteStatus.Completed));
    }

    private async Task<IReadOnlyList<HubFigures>> HubsAsync(DateOnly asOf, IReadOnlyList<CompoundInfo> compounds, string? communityCode, CancellationToken ct)
    {
        await using var session = store.QuerySession();
        var hubs = (await session.Query<ServiceHubSummary>().ToListAsync(ct)).Where(h => h.OpenedOn <= asOf).OrderBy(h => h.Name, StringComparer.Ordinal).ToList();
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
        var zones = (await session.Query<PlanningZoneSummary>().ToListAsync(ct))
            .OrderBy(z => z.Kind == "belt" ? 0 : 1).ThenBy(z => z.Name, StringComparer.Ordinal)
            .Select(z => new ZoneFigures(z.Name, z.Kind, z.Theme)).ToList();
        var belts = zones.Where(z => z.Kind == "belt").ToList();
        var clusters = zones.Where(z => z.Kind == "cluster").ToList();
        return new PlanningFigures(belts.Count, string.Join("、", belts.Select(b => b.Name)), clusters.Count,
            string.Concat(clusters.Select(c => $"“{c.Theme}”")), zones);
    }

    private static IReadOnlyList<CommunityFigures> Communities(IReadOnlyList<JurisdictionQueries.UnitAt> units, IReadOnlyList<CompoundInfo> compounds,
        IReadOnlyList<FacilityInfo> facilities, IReadOnlyList<SiteInfo> sites, string? communityCode)
    {
        var fiveMinute = FacilityCategories.All.Where(c => c.Kind == FacilityCategories.Public && c.CircleLevel == 5).ToList();
        return units.Where(u => u.Version.Level.Tier() == 1 && u.Version.DelegatedFromStreet is null && (communityCode is null || u.Version.Code == communityCode))
            .OrderBy(u => u.Version.Level).ThenBy(u => u.Version.Code, StringComparer.Ordinal)
            .Select(u =>
            {
                var code = u.Version.Code;
                var own = facilities.Where(f => f.CommunityCode == code).ToList();
                var ownSites = sites.Where(s => s.CommunityCode == code).ToList();
                return new CommunityFigures(code, u.Version.Name, u.Version.Level.NameZh(),
                    units.Count(g => g.Version.Level == UnitLevel.Group && g.Version.ParentId == u.Id),
                    compounds.Count(c => c.CommunityCode == code), compounds.Where(c => c.CommunityCode == code).Sum(c => c.Households),
                    own.Count, own.Count(f => f.Kind == FacilityCategories.Public), ownSites.Count, ownSites.Sum(s => s.BudgetWan ?? 0),
                    string.Join("、", fiveMinute.Where(c => own.All(f => f.Category != c.Code)).Select(c => c.NameZh)));
            }).ToList();
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

/// <summary>No community or village with the code asked for exists on the report's date.</summary>
public sealed class UnknownCommunityException(string code, DateOnly date)
    : Exception($"No community or village has the code '{code}' on {date:yyyy-MM-dd}.")
{
    public string Code { get; } = code;
}
