using Platform.Abstractions.Maps;
using Platform.Host.Plugins;

namespace Platform.Host.Maps;

/// <summary>
/// Every layer the modules and the running plugins contribute, in drawing order. All map surfaces
/// (layer list, OGC API, tiles, print) read it, so a plugin's layer appears on each with no change here.
/// </summary>
public sealed class LayerCatalog(IEnumerable<IMapLayer> layers) : ILayerCatalog
{
    private readonly IReadOnlyList<IMapLayer> _all = layers.OrderBy(l => l.Descriptor.Order).ThenBy(l => l.Descriptor.Id, StringComparer.Ordinal).ToList();

    /// <summary>The layers whose owner is running (modules always are).</summary>
    public IReadOnlyList<IMapLayer> Active => _all.Where(l => l is not PluginLayer p || p.Owner.State == PluginState.Running).ToList();

    public IMapLayer? Find(string id) => Active.FirstOrDefault(l => l.Descriptor.Id == id);
}
