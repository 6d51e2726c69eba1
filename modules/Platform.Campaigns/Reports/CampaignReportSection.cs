using Marten;
using Platform.Abstractions.Registers;
using Platform.Abstractions.Reports;
using Platform.Campaigns.Campaigns;
using Platform.Campaigns.Figures;
using Platform.Campaigns.Forms;
using Platform.Campaigns.Households;
using Platform.Campaigns.Passes;
using Platform.Campaigns.Work;

namespace Platform.Campaigns.Reports;

/// <summary>
/// Sections (一) 一 to 四, (二) 一 and 五 and (三) 一 of the summary from this module's records (<see cref="CampaignReportData"/>).
/// Prints no text of its own: the annual template does. A community's report counts its own registers and compounds; forms,
/// secondments, groups and exchanges are the street office's and stay whole.
/// </summary>
internal sealed class CampaignReportSection(IDocumentStore store, IRegisterReader registers) : IReportSection
{
    public string Id => "campaigns";
    public string TitleZh => "入户排查、双色卡、报表报送、人员抽调、领导小组与交流共建";
    public string TitleEn => "Door-to-door campaigns, entrance passes, report forms, secondments, leading groups and exchanges";
    public int Order => 4;
    public string Template => "";
    public bool SharesFigures => true;

    public async Task<object> DataAsync(ReportPeriod period, CancellationToken ct = default) => await FiguresAsync(period, ct);

    public async Task<CampaignReportData> FiguresAsync(ReportPeriod period, CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        var asOf = period.AsOf;
        return new CampaignReportData(
            await DoorToDoorAsync(session, period, ct),
            await PassesAsync(session, period, ct),
            await FormsAsync(session, period, ct),
            await SecondmentsAsync(session, period, asOf, ct),
            await GroupAsync(session, "park_city", asOf, ct),
            await GroupAsync(session, "restructuring", asOf, ct),
            await ExchangesAsync(session, period, ct));
    }

    private static bool During(ReportPeriod p, DateTimeOffset at) => ChinaTime.DayOf(at) is var d && d >= p.From && d <= p.To;

    private static async Task<DoorToDoorFigures> DoorToDoorAsync(IQuerySession session, ReportPeriod period, CancellationToken ct)
    {
        var campaigns = (await session.Query<Campaign>().ToListAsync(ct)).Where(c => c.Visits.Any(v => During(period, v.At))).ToList();
        var ids = campaigns.SelectMany(c => c.Targets.Select(t => t.RegisterId)).Distinct().ToArray();
        var books = ids.Length == 0 ? [] : (await session.LoadManyAsync<HouseholdRegister>(ct, ids)).Where(r => period.CommunityCode is null || r.CommunityCode == period.CommunityCode).ToDictionary(r => r.Id);
        var done = campaigns.SelectMany(c => c.Visits).Where(v => v.Outcome == VisitOutcomes.Visited && During(period, v.At) && books.ContainsKey(v.RegisterId)).ToList();
        // In the order the campaigns list their targets, as the summary lists the apartments.
        var order = ids.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        var reached = done.GroupBy(v => v.RegisterId).OrderBy(g => order[g.Key]).Select(g => (Register: books[g.Key], Households: g.Select(v => v.HouseholdId).Distinct().Count())).ToList();
        var apartments = reached.Where(r => r.Register.Kind == "compound").ToList();
        var groups = reached.Where(r => r.Register.Kind == "group").ToList();
        var registered = new List<string>();
        if (done.Any(v => v.Information))
            registered.Add("信息登记");
        if (done.Any(v => v.TemperatureCelsius is not null))
            registered.Add("体温测量");
        if (done.Any(v => v.Publicity))
            registered.Add("疫情宣传");
        var apartmentHouseholds = apartments.Sum(a => a.Households);
        var groupHouseholds = groups.Sum(g => g.Households);
        return new DoorToDoorFigures(done.Count > 0, campaigns.Count, apartments.Count, string.Join("、", apartments.Select(a => a.Register.Name)),
            string.Join("、", apartments.Select(a => a.Register.CommunityName).OfType<string>().Distinct()), apartmentHouseholds, RoundedZh.Approx(apartmentHouseholds),
            groups.Count, string.Join("、", groups.Select(g => g.Register.Village).OfType<string>().Distinct()), groupHouseholds, RoundedZh.Approx(groupHouseholds),
            registered.Count switch { 0 => "走访", 1 => registered[0], _ => string.Join("、", registered[..^1]) + "和" + registered[^1] });
    }

    private async Task<PassFigures> PassesAsync(IQuerySession session, ReportPeriod period, CancellationToken ct)
    {
        var compounds = (await registers.CompoundsAsync(period.AsOf, ct)).Where(c => period.CommunityCode is null || c.CommunityCode == period.CommunityCode).ToList();
        var coverage = await PassEndpoints.CoverageAsync(compounds, session, ct);
        var own = compounds.Select(c => c.Id).ToHashSet();
        var entries = (await session.Query<EntranceDayCount>().Where(c => c.Day >= period.From && c.Day <= period.To).ToListAsync(ct)).Where(c => own.Contains(c.CompoundId)).Sum(c => c.Count);
        var categories = await PassEndpoints.CategoriesAsync(session, ct);
        return new PassFigures(coverage.Compounds, coverage.WithEntrances, coverage.Compounds > 0 && coverage.WithEntrances == coverage.Compounds, coverage.Percent,
            coverage.Entrances, coverage.PassesIssued, entries, string.Join("、", categories.Select(c => c.NameZh)));
    }

    private static async Task<ReportFormFigures> FormsAsync(IQuerySession session, ReportPeriod period, CancellationToken ct)
    {
        var forms = (await session.Query<ReportForm>().ToListAsync(ct)).Where(f => f.StartOn <= period.To && (f.EndOn is null || f.EndOn >= period.From)).ToList();
        var daily = forms.Where(f => f.EveryDays == 1).ToList();
        var cycle = forms.Where(f => f.EveryDays > 1).GroupBy(f => f.EveryDays).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).FirstOrDefault()?.ToList() ?? [];
        var submissions = forms.SelectMany(f => f.Submissions).Where(s => s.Period >= period.From && s.Period <= period.To).ToList();
        return new ReportFormFigures(forms.Count > 0, daily.Count, string.Join("、", daily.Select(f => f.Office).Distinct()), cycle.Count, cycle.FirstOrDefault()?.EveryDays ?? 0,
            string.Join("、", cycle.Select(f => f.Office).Distinct()), submissions.Count, submissions.Count(s => s.Late));
    }

    private static async Task<SecondmentFigures> SecondmentsAsync(IQuerySession session, ReportPeriod period, DateOnly asOf, CancellationToken ct)
    {
        var list = (await session.Query<Secondment>().ToListAsync(ct)).Where(s => s.StartOn <= period.To && (s.EndOn is null || s.EndOn >= period.From)).ToList();
        if (list.Count == 0)
            return new SecondmentFigures(false, 0, "", 0, asOf);
        var first = list.Min(s => s.StartOn);
        var last = list.Max(s => s.EndOn is { } e && e < asOf ? e : asOf);
        return new SecondmentFigures(true, list.Select(s => s.Staff).Distinct().Count(), string.Join("、", list.Select(s => s.Post).Distinct()),
            last < first ? 0 : last.DayNumber - first.DayNumber + 1, last);
    }

    private static async Task<LeadingGroupFigures> GroupAsync(IQuerySession session, string topic, DateOnly asOf, CancellationToken ct)
    {
        var group = (await session.Query<LeadingGroup>().ToListAsync(ct)).Where(g => g.Topic == topic && g.AsOf(asOf) is not null).OrderBy(g => g.EstablishedOn).FirstOrDefault();
        if (group?.AsOf(asOf) is not { } c)
            return new LeadingGroupFigures(false, "", "", "", "", "", 0, "零", "");
        static string Titles(IEnumerable<GroupMember> members) => string.Join("、", members.Select(m => string.IsNullOrWhiteSpace(m.Title) ? m.Name : m.Title).Distinct());
        return new LeadingGroupFigures(true, group.Name, Titles([c.Leader]), Titles(c.ExecutiveDeputies), Titles(c.Deputies), c.Office, c.WorkingGroups.Length,
            RoundedZh.Numeral(c.WorkingGroups.Length), string.Join("、", c.WorkingGroups.Select(w => w.Name)));
    }

    private static async Task<ExchangeFigures> ExchangesAsync(IQuerySession session, ReportPeriod period, CancellationToken ct)
    {
        var list = (await session.Query<Exchange>().ToListAsync(ct)).Where(x => x.HeldOn >= period.From && x.HeldOn <= period.To).OrderBy(x => x.HeldOn).ToList();
        var memberships = list.Where(x => x.Kind == "membership").SelectMany(x => x.Partners).Distinct().ToList();
        var agreements = list.SelectMany(x => x.Agreements).Select(a => a.Partner).Distinct().ToList();
        var events = list.Where(x => x.Kind == "event").ToList();
        var salon = events.Where(x => x.Enterprises + x.Organisations > 0).MaxBy(x => x.Enterprises + x.Organisations);
        var others = events.Where(x => x != salon).Select(x => $"联合{string.Join("、", x.Partners)}开展{x.Title}").ToList();
        return new ExchangeFigures(list.Count > 0, string.Join("、", memberships), agreements.Count == 0 ? "" : $"与{string.Join("、", agreements)}签署合作协议",
            salon is not null, salon?.Title ?? "", string.Join("、", salon?.Partners ?? []), salon?.Enterprises ?? 0, RoundedZh.Approx(salon?.Enterprises ?? 0),
            salon?.Organisations ?? 0, RoundedZh.Approx(salon?.Organisations ?? 0), string.Join("；", others));
    }
}
