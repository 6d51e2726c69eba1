using Marten;
using Platform.Abstractions.Jurisdiction;
using Platform.Abstractions.Registers;
using Platform.Abstractions.Reports;
using Platform.Governance.Complaints;
using Platform.Governance.Records;

namespace Platform.Governance.Reports;

/// <summary>
/// Compound governance in the reports: the figures of section (五) 二 to 五 and of the reopening paragraph of (一), from the records
/// (<see cref="GovernanceFigures"/>). Prints no text of its own: the annual template does, restricted to the report's community.
/// </summary>
internal sealed class GovernanceReportSection(IDocumentStore store, IJurisdictionLocator jurisdiction, IRegisterReader registers) : IReportSection
{
    public string Id => "governance";
    public string TitleZh => "小区治理：投诉、检查、培训与备案";
    public string TitleEn => "Compound governance: complaints, inspections, training and filings";
    public int Order => 5;
    public string Template => "";
    public bool SharesFigures => true;

    public async Task<object> DataAsync(ReportPeriod period, CancellationToken ct = default) => await FiguresAsync(period.From, period.To, ct, period.CommunityCode);

    public async Task<GovernanceFigures> FiguresAsync(DateOnly from, DateOnly to, CancellationToken ct = default, string? community = null)
    {
        await using var session = store.QuerySession();
        var names = (await session.Query<ComplaintCategory>().ToListAsync(ct)).ToDictionary(c => c.Code, c => c.NameZh);
        var complaints = (await session.Query<Complaint>().ToListAsync(ct)).Where(c => community is null || c.CommunityCode == community);
        var inspections = (await session.Query<Inspection>().ToListAsync(ct)).Where(i => i.HeldOn >= from && i.HeldOn <= to).ToList();
        var trainings = (await session.Query<Training>().ToListAsync(ct)).Where(t => t.HeldOn >= from && t.HeldOn <= to).ToList();
        var filings = (await session.Query<Filing>().ToListAsync(ct)).Where(f => f.FiledOn >= from && f.FiledOn <= to).ToList();
        IReadOnlySet<string>? own = null;
        if (community is not null)
        {
            // A community's report counts what lies in it on the period's last day: inspections and filings by their place,
            // trainings by the compounds they covered (a training of several communities' compounds counts only those in it).
            var asOf = to < DateOnly.FromDateTime(DateTime.Today) ? to : DateOnly.FromDateTime(DateTime.Today);
            var places = await jurisdiction.CommunitiesOfAsync([.. inspections.Select(i => (i.Lon, i.Lat)), .. filings.Select(f => (f.Lon, f.Lat))], asOf, ct);
            var inCommunity = places.Select(u => u?.Code == community).ToList();
            var inspected = inspections.Count;
            inspections = [.. inspections.Where((_, n) => inCommunity[n])];
            filings = [.. filings.Where((_, n) => inCommunity[inspected + n])];
            var ownCompounds = (await registers.CompoundsAsync(asOf, ct)).Where(c => c.CommunityCode == community).Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
            trainings = [.. trainings.Where(t => t.Compounds.Any(ownCompounds.Contains))];
            own = ownCompounds;
        }
        int Filed(string kind) => filings.Count(f => f.Kind == kind);
        var trainedCompounds = trainings.SelectMany(t => t.Compounds).Distinct().Where(c => own is null || own.Contains(c)).ToList();
        return new GovernanceFigures(
            ComplaintFigures.Of(complaints, names, from, to),
            Inspected(inspections.Where(i => i.Kind == "routine").ToList()),
            Inspected(inspections.Where(i => i.Kind == "reopening").ToList()),
            new TrainingFigures(trainings.Count, trainings.Sum(t => t.Attendees), trainedCompounds.Count, string.Join("、", trainedCompounds),
                string.Join("、", ChecklistTemplates.TrainingTopics.Where(topic => trainings.Any(t => t.Topic == topic)).Concat(trainings.Select(t => t.Topic).Where(t => !ChecklistTemplates.TrainingTopics.Contains(t)).Distinct()))),
            new FilingFigures(Filed("rental"), Filed("property_contract"), Filed("handover"), Filed("facility_delivery"), filings.Count,
                string.Join("、", filings.Where(f => f.Kind == "rental").GroupBy(f => f.CompoundName).OrderByDescending(g => g.Count()).Select(g => g.Key))));
    }

    private static readonly string[] KindOrder = ["compound", "shop", "firm", "site"];

    private static InspectionFigures Inspected(IReadOnlyList<Inspection> list)
    {
        var findings = list.SelectMany(i => i.Findings).ToList();
        var onTime = findings.Count(f => f.RectifiedOnTime);
        var late = findings.Count(f => f.RectifiedOn is not null && !f.RectifiedOnTime);
        // In the order they were first inspected (as the source document lists them), then by name.
        var places = list.GroupBy(i => i.TargetName).OrderBy(g => g.Min(i => i.HeldOn)).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key).ToList();
        var templates = ChecklistTemplates.All.Where(t => list.Any(i => i.Template == t.Code)).ToList();
        var items = templates.SelectMany(t => t.Items).Where(item => list.Any(i => i.Items.Any(r => r.Item == item))).ToList();
        var byKind = list.GroupBy(i => i.TargetKind).Select(g => new KindCount(g.Key,
            g.Key == "compound" ? "小区" : ChecklistTemplates.BusinessKindsZh.GetValueOrDefault(g.Key, g.Key), g.Select(i => i.TargetName).Distinct().Count())).OrderBy(k => Array.IndexOf(KindOrder, k.Kind)).ToList();
        return new InspectionFigures(list.Count, places.Count, string.Join("、", places), string.Join("、", templates.Select(t => t.NameZh)), string.Join("、", items),
            findings.Count, onTime, late, findings.Count - onTime - late, findings.Count > 0 && onTime == findings.Count,
            ComplaintFigures.Percent(findings.Count == 0 ? 0 : (double)onTime / findings.Count), byKind);
    }
}
