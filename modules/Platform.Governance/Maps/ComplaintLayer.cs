using Marten;
using NetTopologySuite.Geometries;
using Platform.Abstractions.Maps;
using Platform.Governance.Complaints;
using Platform.Spatial;

namespace Platform.Governance.Maps;

/// <summary>
/// Complaints as points for the heat map (投诉热力图): category, status and month; never who filed them.
/// The web map's governance panel draws them as a heat map; OGC API and tiles serve the points.
/// </summary>
internal sealed class ComplaintLayer(IDocumentStore store) : IMapLayer
{
    private static LayerField F(string name, string type, string zh, string en) => new(name, type, zh, en);

    public LayerDescriptor Descriptor { get; } = new("governance-complaints", "小区投诉（热力）", "Complaints (heat map)", "Point",
        [F("category", "string", "类别", "Category"), F("categoryZh", "string", "类别（中文）", "Category (Chinese)"),
         F("status", "string", "状态", "Status").Coded(ComplaintStatus.NamesZh.Select(s => new FieldValue(s.Key, s.Value, ComplaintStatus.NamesEn[s.Key]))),
         F("month", "string", "月份", "Month"), F("compound", "string", "小区", "Compound"), F("community", "string", "社区", "Community")],
        new LayerStyle("#e74c3c99", "#c0392b", 1, 5, "status",
            [new(ComplaintStatus.Submitted, "已提交", "Submitted", "#e74c3c"), new(ComplaintStatus.Accepted, "已受理", "Accepted", "#e67e22"),
             new(ComplaintStatus.InProgress, "处置中", "In progress", "#f1c40f"), new(ComplaintStatus.Responded, "已处置回复", "Responded", "#3498db"),
             new(ComplaintStatus.Closed, "已办结", "Closed", "#27ae60"), new(ComplaintStatus.Reopened, "已重新打开", "Reopened", "#8e44ad")]),
        "governance", false, 70, VisibleByDefault: false);

    public async Task<IReadOnlyList<MapFeature>> QueryAsync(LayerQuery query, CancellationToken ct = default)
    {
        await using var session = store.QuerySession();
        var names = (await session.Query<ComplaintCategory>().ToListAsync(ct)).ToDictionary(c => c.Code, c => c.NameZh);
        var complaints = await session.Query<Complaint>().ToListAsync(ct);
        return query.Apply(complaints.Select(c => new MapFeature(c.Id.ToString(), StorageCrs.Factory.CreatePoint(new Coordinate(c.Lon, c.Lat)),
            new Dictionary<string, object?>
            {
                ["category"] = c.Category, ["categoryZh"] = names.GetValueOrDefault(c.Category, c.Category), ["status"] = c.Status,
                ["month"] = ComplaintFigures.FiledOn(c).ToString("yyyy-MM"), ["compound"] = c.CompoundName, ["community"] = c.CommunityName,
            })));
    }
}
