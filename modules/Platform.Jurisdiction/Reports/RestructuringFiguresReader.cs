using System.Globalization;
using Marten;
using Platform.Jurisdiction.Queries;
using Platform.Jurisdiction.Units;

namespace Platform.Jurisdiction.Reports;

/// <summary>Reads the restructuring of a period from this module's unit events and histories.</summary>
internal sealed class RestructuringFiguresReader(IDocumentStore store, JurisdictionQueries jurisdiction)
{
    /// <summary>
    /// The counts and sentences are street-wide; with <paramref name="communityName"/> and <paramref name="communityId"/> the
    /// changes and votes are those touching that community.
    /// </summary>
    public async Task<RestructuringFigures> ReadAsync(DateOnly from, DateOnly to, string? communityName, Guid? communityId, CancellationToken ct)
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
}
