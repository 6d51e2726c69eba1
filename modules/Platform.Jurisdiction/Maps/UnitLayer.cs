using System.Globalization;
using Platform.Abstractions.Maps;
using Platform.Jurisdiction.Queries;
using Platform.Jurisdiction.Units;
using Platform.Spatial;

namespace Platform.Jurisdiction.Maps;

/// <summary>
/// Administrative units of some levels as a map layer, as of the query's date; the features of a date are built and
/// indexed once per committed change.
/// </summary>
internal sealed class UnitLayer(JurisdictionQueries queries, LayerDescriptor descriptor, Func<UnitVersion, bool> include, ChangeNotifier changes) : IMapLayer
{
    private readonly CommittedChangeCache<DateOnly, FeatureIndex> _features = new(changes);

    public LayerDescriptor Descriptor { get; } = descriptor;

    public async Task<IReadOnlyList<MapFeature>> QueryAsync(LayerQuery query, CancellationToken ct = default)
    {
        var index = await _features.GetAsync(query.AsOf ?? DateOnly.FromDateTime(DateTime.Today), async date => new FeatureIndex(await FeaturesAsync(date)));
        return index.Query(query);
    }

    private async Task<IReadOnlyList<MapFeature>> FeaturesAsync(DateOnly date)
    {
        var units = await queries.AsOfAsync(date, CancellationToken.None);
        var names = units.ToDictionary(u => u.Id, u => u.Version.Name);
        var features = new List<MapFeature>();
        foreach (var u in units)
        {
            if (!include(u.Version))
                continue;
            var properties = new Dictionary<string, object?>
            {
                ["name"] = u.Version.Name,
                ["code"] = u.Version.Code,
                ["level"] = u.Version.Level.ToString().ToLowerInvariant(),
                ["levelZh"] = u.Version.Level.NameZh(),
                ["parent"] = u.Version.ParentId is { } p && names.TryGetValue(p, out var pn) ? pn : null,
                ["ownerStreet"] = u.Version.DelegatedFromStreet,
                ["managingStreet"] = u.Version.ManagingStreet ?? (u.Version.DelegatedFromStreet is null ? null : u.Version.ManagingStreet),
                ["validFrom"] = u.Version.ValidFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ["areaSquareMetres"] = Math.Round(GeometryMeasurement.AreaSquareMetres(u.Geometry), 1),
            };
            features.Add(new MapFeature(u.Id.ToString(), u.Geometry, properties));
        }
        return features;
    }
}
