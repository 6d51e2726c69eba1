using System.Globalization;
using Marten;
using NetTopologySuite.Geometries;
using Platform.Abstractions.Maps;
using Platform.Plugins.Smart.Devices;
using Platform.Spatial;

namespace Platform.Plugins.Smart.Maps;

/// <summary>Smart-compound devices as points coloured by status; as of a past date, the devices installed by then with the status they had.</summary>
internal sealed class DeviceLayer(IDocumentStore store) : IMapLayer
{
    public LayerDescriptor Descriptor { get; } = new(
        "smart-devices", "智慧小区设备", "Smart-compound devices", "Point",
        [
            new LayerField("name", "string", "设备名称", "Name"),
            new LayerField("kind", "string", "设备类型", "Kind").Coded(DeviceKinds.All.Select(k => new FieldValue(k.Code, k.NameZh, k.NameEn))),
            new LayerField("kindZh", "string", "设备类型（中文）", "Kind (Chinese)"),
            new LayerField("compound", "string", "所在小区", "Compound"),
            new LayerField("status", "string", "状态", "Status"),
            new LayerField("statusZh", "string", "状态（中文）", "Status (Chinese)"),
            new LayerField("installedOn", "date", "安装日期", "Installed on"),
        ],
        new LayerStyle("#2e7d32", "#ffffff", 1, 5, "status",
            DeviceStatuses.All.Select(s => new LegendEntry(s.Code, s.NameZh, s.NameEn, s.Color)).ToList(), "name"),
        "smart", Temporal: true, Order: 260);

    public async Task<IReadOnlyList<MapFeature>> QueryAsync(LayerQuery query, CancellationToken ct = default)
    {
        var date = query.AsOf ?? DateOnly.FromDateTime(DateTime.Today);
        await using var session = store.QuerySession();
        var features = new List<MapFeature>();
        foreach (var d in await session.Query<DeviceView>().ToListAsync(ct))
        {
            if (d.StatusOn(date) is not { } status || d.Model == Cli.SimulateVerb.Model)
                continue;
            if (query.Bbox is { } box && !box.Contains(d.Lon, d.Lat))
                continue;
            var properties = new Dictionary<string, object?>
            {
                ["name"] = d.Name,
                ["kind"] = d.Kind,
                ["kindZh"] = DeviceKinds.Find(d.Kind)?.NameZh,
                ["compound"] = d.Compound,
                ["status"] = status,
                ["statusZh"] = DeviceStatuses.Find(status)?.NameZh,
                ["installedOn"] = d.InstalledOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            };
            if (query.Filters.All(f => properties.TryGetValue(f.Key, out var v) && string.Equals(Convert.ToString(v, CultureInfo.InvariantCulture), f.Value, StringComparison.Ordinal)))
                features.Add(new MapFeature(d.Id.ToString(), StorageCrs.Factory.CreatePoint(new Coordinate(d.Lon, d.Lat)), properties));
        }
        return features;
    }
}
