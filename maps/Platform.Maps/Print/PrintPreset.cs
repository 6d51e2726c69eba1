namespace Platform.Maps.Print;

/// <summary>A printable distribution map: title in both languages, the layers it shows (bottom first) and its data note.</summary>
internal sealed record PrintPreset(string Id, string TitleZh, string TitleEn, IReadOnlyList<string> Layers, string NoteZh, string NoteEn)
{
    private const string IllustrativeZh = "边界及点位为示意数据，仅供演示";
    private const string IllustrativeEn = "Boundaries and sites are illustrative demo data";

    /// <summary>The seed's distribution maps. Layers not (yet) in the catalogue are skipped when printing.</summary>
    public static IReadOnlyList<PrintPreset> All { get; } =
    [
        new("housing-commerce-facilities", "兴隆街道住宅、商业、公服配套分布图", "Housing, commerce and public-service facilities, Xinglong Street",
            ["jurisdiction-communities", "base-water", "base-roads", "jurisdiction-street", "registers-compounds", "registers-commercial", "registers-facilities"],
            IllustrativeZh, IllustrativeEn),
        new("project-construction", "兴隆街道项目建设分布图", "Project construction, Xinglong Street",
            ["jurisdiction-communities", "base-water", "jurisdiction-street", "registers-zones", "registers-sites"],
            IllustrativeZh, IllustrativeEn),
    ];

    /// <summary>For <c>layers=</c> without a preset.</summary>
    public static PrintPreset Custom(IReadOnlyList<string> layers) =>
        new("custom", "兴隆街道专题图", "Thematic map, Xinglong Street", layers, IllustrativeZh, IllustrativeEn);

    public static PrintPreset? Find(string? id) => All.FirstOrDefault(p => string.Equals(p.Id, id, StringComparison.OrdinalIgnoreCase));
}
