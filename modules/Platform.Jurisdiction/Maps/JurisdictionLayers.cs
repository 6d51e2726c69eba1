using Microsoft.Extensions.DependencyInjection;
using Platform.Abstractions.Maps;
using Platform.Jurisdiction.Queries;
using Platform.Jurisdiction.Units;

namespace Platform.Jurisdiction.Maps;

/// <summary>The jurisdiction's map layers: street, communities and villages, resident groups, delegated areas.</summary>
internal static class JurisdictionLayers
{
    private static readonly LayerField[] Fields =
    [
        new("name", "string", "名称", "Name"),
        new("code", "string", "编码", "Code"),
        new LayerField("level", "string", "层级", "Level").Coded([new("street", "街道", "Street"), new("community", "社区", "Community"),
            new("village", "村", "Village"), new("group", "村(居)民小组", "Resident group")]),
        new("levelZh", "string", "层级（中文）", "Level (Chinese)"),
        new("parent", "string", "上级单位", "Parent"),
        new("ownerStreet", "string", "权属街道", "Owner street"),
        new("managingStreet", "string", "管理街道", "Managing street"),
        new("validFrom", "date", "生效日期", "Valid from"),
        new("areaSquareMetres", "number", "面积（平方米）", "Area (m²)"),
    ];

    public static void Register(IServiceCollection services)
    {
        Add(services, new LayerDescriptor("jurisdiction-street", "街道辖区", "Street boundary", "Polygon", Fields,
            new LayerStyle("#00000000", "#c0392b", 3, 0, null, [new("street", "街道界", "Street boundary", "#c0392b")], "name"),
            "jurisdiction", true, 5), v => v.Level == UnitLevel.Street && v.DelegatedFromStreet is null);
        Add(services, new LayerDescriptor("jurisdiction-communities", "社区和村", "Communities and villages", "Polygon", Fields,
            new LayerStyle("#f5e6c8", "#8e6c3a", 1.5, 0, "level",
            [
                new("community", "社区", "Community", "#f3d9a4"),
                new("village", "村", "Village", "#d9ead3"),
            ], "name"),
            "jurisdiction", true, 10), v => v.Level.Tier() == 1);
        Add(services, new LayerDescriptor("jurisdiction-groups", "村(居)民小组", "Resident groups", "Polygon", Fields,
            new LayerStyle("#00000000", "#9b7e55", 0.8, 0, null, [new("group", "村(居)民小组", "Resident group", "#9b7e55")], "name"),
            "jurisdiction", true, 20, VisibleByDefault: false), v => v.Level == UnitLevel.Group);
        Add(services, new LayerDescriptor("jurisdiction-delegated", "托管区域", "Delegated areas (托管)", "Polygon", Fields,
            new LayerStyle("#8e44ad33", "#8e44ad", 1.5, 0, null, [new("delegated", "托管区域", "Delegated area", "#8e44ad")], "name"),
            "jurisdiction", true, 15), v => v.DelegatedFromStreet is not null);
    }

    private static void Add(IServiceCollection services, LayerDescriptor descriptor, Func<UnitVersion, bool> include) =>
        services.AddSingleton<IMapLayer>(sp => new UnitLayer(sp.GetRequiredService<JurisdictionQueries>(), descriptor, include, sp.GetRequiredService<ChangeNotifier>()));
}
