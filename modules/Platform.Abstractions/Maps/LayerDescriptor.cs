namespace Platform.Abstractions.Maps;

/// <summary>
/// What a map surface needs to know about a layer before drawing it: identity, titles in both
/// languages, geometry type, attribute schema, default style with its legend. Modules and plugins
/// describe their layers with it; the OGC API, the vector tiles, the web map and the printed maps all
/// read the same descriptor.
/// </summary>
/// <param name="Id">Stable id, lower-case with dashes (<c>jurisdiction-communities</c>); the OGC collection id and tile path.</param>
/// <param name="TitleZh">Title in Chinese.</param>
/// <param name="TitleEn">Title in English.</param>
/// <param name="GeometryType"><c>Point</c>, <c>LineString</c> or <c>Polygon</c> (multi-geometries allowed within the type).</param>
/// <param name="Fields">The attributes every feature carries, in display order.</param>
/// <param name="Style">Default style and legend.</param>
/// <param name="Group">Theme group for the layer list: <c>base</c>, <c>jurisdiction</c>, <c>housing</c>, <c>facilities</c>, <c>planning</c>, or a scene id.</param>
/// <param name="Temporal">True when the layer answers "as of" a date.</param>
/// <param name="Order">Drawing order, lower first (areas 0–99, lines 100–199, points 200+).</param>
/// <param name="VisibleByDefault">Whether the web map shows it on opening.</param>
public sealed record LayerDescriptor(
    string Id,
    string TitleZh,
    string TitleEn,
    string GeometryType,
    IReadOnlyList<LayerField> Fields,
    LayerStyle Style,
    string Group,
    bool Temporal,
    int Order,
    bool VisibleByDefault = true);

/// <summary>An attribute of a layer's features. <paramref name="Type"/>: string, integer, number, boolean or date.</summary>
public sealed record LayerField(string Name, string Type, string TitleZh, string TitleEn)
{
    /// <summary>
    /// For a coded attribute (a category, a kind, a level): the label of each code, so that no surface shows a raw code
    /// (popups, HTML pages, printed legends). Since SDK 1.4.
    /// </summary>
    public IReadOnlyList<FieldValue>? Values { get; init; }

    /// <summary>This field with the labels of its codes.</summary>
    public LayerField Coded(IEnumerable<FieldValue> values) => this with { Values = [.. values] };
}

/// <summary>The label of one code of a coded attribute.</summary>
public sealed record FieldValue(string Value, string LabelZh, string LabelEn);

/// <summary>
/// Default style: colours as CSS hex (<c>#rrggbb</c> or <c>#rrggbbaa</c>). With <paramref name="ThemeField"/>
/// set, features are coloured by that attribute's value through <paramref name="Legend"/>; otherwise
/// the legend has one entry describing the whole layer.
/// </summary>
public sealed record LayerStyle(
    string Fill,
    string Stroke,
    double StrokeWidth,
    double PointRadius,
    string? ThemeField,
    IReadOnlyList<LegendEntry> Legend,
    string? LabelField = null);

/// <summary>One line of a legend: features whose theme attribute equals <paramref name="Value"/> are drawn in <paramref name="Color"/>.</summary>
public sealed record LegendEntry(string Value, string LabelZh, string LabelEn, string Color);
