using Marten;
using Platform.Abstractions.Jurisdiction;
using Platform.Abstractions.Reports;
using Platform.Plugins.Example.Places;

namespace Platform.Plugins.Example.Reports;

/// <summary>
/// The plugin's section of the generated reports: how many places were recorded in the period, by community. Every
/// figure the template prints comes from <see cref="DataAsync"/>; a community report counts only its community.
/// </summary>
internal sealed class PlaceReportSection(IDocumentStore store, IJurisdictionLocator jurisdiction) : IReportSection
{
    public string Id => "example-id";

    public string TitleZh => "示例场景";

    public string TitleEn => "Example scene";

    public int Order => 900;

    public string Template => """
        本期登记地点 {{ section.places }} 处{{ if section.places > 0 }}，其中{{ for c in section.by_community }}{{ c.community }} {{ c.places }} 处{{ if !for.last }}、{{ end }}{{ end }}{{ end }}。
        """;

    public async Task<object> DataAsync(ReportPeriod period, CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        var from = new DateTimeOffset(period.From.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));
        var to = new DateTimeOffset(period.To.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8));
        var places = (await session.Query<PlaceView>().ToListAsync(ct)).Where(p => p.RecordedAt >= from && p.RecordedAt < to).ToList();
        // The community from where each place lies on the period's last day: restructuring carries it along.
        var communities = await jurisdiction.CommunitiesOfAsync(places.Select(p => (p.Lon, p.Lat)).ToList(), period.To, ct);
        var counted = places.Select((p, i) => communities[i])
            .Where(c => period.CommunityCode is null || c?.Code == period.CommunityCode)
            .ToList();
        return new Dictionary<string, object?>
        {
            ["places"] = counted.Count,
            ["by_community"] = counted.GroupBy(c => c?.Name ?? "街道辖区外")
                .OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => new Dictionary<string, object?> { ["community"] = g.Key, ["places"] = g.Count() })
                .ToList(),
        };
    }
}
