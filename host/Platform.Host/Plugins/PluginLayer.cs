using Platform.Abstractions.Maps;

namespace Platform.Host.Plugins;

/// <summary>A plugin's layer, tagged with its owner so map surfaces can hide it while the plugin is not running.</summary>
internal sealed class PluginLayer(PluginEntry owner, IMapLayer inner) : IMapLayer
{
    public PluginEntry Owner { get; } = owner;

    public LayerDescriptor Descriptor => inner.Descriptor;

    public Task<IReadOnlyList<MapFeature>> QueryAsync(LayerQuery query, CancellationToken ct = default) => inner.QueryAsync(query, ct);

    /// <summary>Re-registers a plugin's <see cref="IMapLayer"/> service so that the instance comes wrapped.</summary>
    public static ServiceDescriptor Wrap(ServiceDescriptor d, PluginEntry owner) =>
        ServiceDescriptor.Singleton<IMapLayer>(sp => new PluginLayer(owner, d switch
        {
            { ImplementationInstance: IMapLayer instance } => instance,
            { ImplementationFactory: { } factory } => (IMapLayer)factory(sp),
            { ImplementationType: { } type } => (IMapLayer)ActivatorUtilities.CreateInstance(sp, type),
            _ => throw new InvalidOperationException($"Plugin {owner.Id} registered an IMapLayer the host cannot build."),
        }));
}
