using Platform.Abstractions.Maps;
using Platform.Maps.Layers;

namespace Platform.Maps.Print;

/// <summary>How a layer is coloured on paper and what its legend lists.</summary>
/// <param name="Field">The attribute whose value picks the colour, or null for one colour.</param>
/// <param name="Entries">Legend lines, each a value with its Chinese (and English, possibly empty) label.</param>
/// <param name="Fallback">The colour of features whose value has no entry.</param>
internal sealed record PrintTheme(string? Field, IReadOnlyList<LegendEntry> Entries, string Fallback)
{
    public string ColourOf(MapFeature feature) =>
        Field is not null && LayerReader.Text(feature.Properties.GetValueOrDefault(Field)) is { } value
            && Entries.FirstOrDefault(e => e.Value == value) is { } entry ? entry.Color : Fallback;
}

/// <summary>
/// The printed themes of a map's layers. A point layer whose features carry a <c>category</c> with its Chinese name
/// (<c>categoryZh</c>) is coloured by category on paper, whatever its on-screen theme, and its legend lists the
/// categories present by their Chinese names (never the codes). Colours come from one qualitative palette shared across
/// the map, so two layers' categories never share a colour (up to the palette's 20). Other layers keep their style.
/// </summary>
internal static class PrintThemes
{
    public const string CategoryField = "category";
    public const string CategoryNameField = "categoryZh";

    // Tableau 20, dark and light alternated so neighbours in the legend differ.
    private static readonly string[] Palette =
    [
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
        "#aec7e8", "#ffbb78", "#98df8a", "#ff9896", "#c5b0d5", "#c49c94", "#f7b6d2", "#c7c7c7", "#dbdb8d", "#9edae5",
    ];

    public static IReadOnlyDictionary<string, PrintTheme> For(IReadOnlyList<(LayerDescriptor Layer, IReadOnlyList<MapFeature> Features)> layers)
    {
        var themes = new Dictionary<string, PrintTheme>(StringComparer.Ordinal);
        var next = 0;
        foreach (var (layer, features) in layers)
        {
            var style = layer.Style;
            if (ByCategory(layer))
            {
                var categories = features
                    .Select(f => (Code: LayerReader.Text(f.Properties.GetValueOrDefault(CategoryField)), Name: LayerReader.Text(f.Properties.GetValueOrDefault(CategoryNameField))))
                    .Where(c => !string.IsNullOrEmpty(c.Code))
                    .GroupBy(c => c.Code!, StringComparer.Ordinal)
                    .Select(g => (Code: g.Key, Name: g.Select(c => c.Name).FirstOrDefault(n => !string.IsNullOrEmpty(n)) ?? "其他", Count: g.Count()))
                    .OrderByDescending(c => c.Count).ThenBy(c => c.Code, StringComparer.Ordinal)
                    .Select(c => new LegendEntry(c.Code, c.Name, "", Palette[next++ % Palette.Length]))
                    .ToList();
                themes[layer.Id] = new PrintTheme(CategoryField, categories, style.Fill);
                continue;
            }
            var entries = style.Legend.Count > 0 ? style.Legend : [new LegendEntry("", layer.TitleZh, layer.TitleEn, style.Fill)];
            themes[layer.Id] = new PrintTheme(style.ThemeField, entries, style.Fill);
        }
        return themes;
    }

    private static bool ByCategory(LayerDescriptor layer) =>
        layer.GeometryType.Contains("Point", StringComparison.OrdinalIgnoreCase)
        && layer.Fields.Any(f => f.Name == CategoryField) && layer.Fields.Any(f => f.Name == CategoryNameField);
}
