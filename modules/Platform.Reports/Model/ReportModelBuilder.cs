using System.Collections;
using System.Reflection;
using System.Security.Claims;
using Platform.Abstractions.Jurisdiction;
using Platform.Abstractions.Reports;
using Scriban.Runtime;

namespace Platform.Reports.Model;

/// <summary>
/// Composes a <see cref="ReportModel"/> from the figures the sections share: this module reads no other module's documents
/// or events, only the SDK's facades and the sections' data.
/// </summary>
internal sealed class ReportModelBuilder(IReportSectionCatalog sections, IJurisdictionLocator locator, SceneStatistics scenes)
{
    /// <summary>The model's own members, which no section may share.</summary>
    public static readonly IReadOnlyList<string> OwnMembers = ["kind", "year", "from", "to", "as_of", "gardens"];

    /// <summary>The model of <paramref name="kind"/> for <paramref name="year"/>, restricted to <paramref name="communityCode"/> when given.</summary>
    /// <exception cref="UnknownCommunityException">No community or village has that code in that year.</exception>
    public async Task<ReportModel> BuildAsync(string kind, int year, string? communityCode, ClaimsPrincipal? user, CancellationToken ct, DateOnly? asOf = null)
    {
        // As of a date in the year, the period ends on it: every section counts what was recorded and in force by then.
        var period = new ReportPeriod(new DateOnly(year, 1, 1), asOf ?? new DateOnly(year, 12, 31), communityCode);
        if (communityCode is not null && (await locator.CommunitiesAsync(period.AsOf, ct)).All(c => c.Code != communityCode))
            throw new UnknownCommunityException(communityCode, period.AsOf);

        var figures = new Dictionary<string, object?>(StringComparer.Ordinal);
        var sharedBy = new Dictionary<string, string>(StringComparer.Ordinal);
        var data = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var section in sections.Active.Where(s => s.SharesFigures))
        {
            var shared = await section.DataAsync(period, ct);
            data[section.Id] = shared;
            foreach (var (name, value) in Members(shared))
            {
                if (OwnMembers.Contains(name))
                    throw new InvalidOperationException($"Report section {section.Id} shares report.{name}, which the report itself defines.");
                if (sharedBy.TryGetValue(name, out var other))
                    throw new InvalidOperationException($"Report sections {other} and {section.Id} both share report.{name}.");
                sharedBy[name] = section.Id;
                figures[name] = value;
            }
        }
        return new ReportModel(kind, year, period.From, period.To, period.AsOf, await scenes.GardensAsync(year, communityCode, user, ct), figures, data);
    }

    // Named as Scriban names .NET members, so that report.housing reads the same whichever module provides it.
    private static IEnumerable<(string Name, object? Value)> Members(object data) => data switch
    {
        IDictionary<string, object?> d => d.Select(kv => (kv.Key, kv.Value)),
        IDictionary d => d.Keys.Cast<object>().Select(k => (k.ToString() ?? "", d[k])),
        _ => data.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0)
            .Select(p => (StandardMemberRenamer.Rename(p.Name), p.GetValue(data))),
    };
}
