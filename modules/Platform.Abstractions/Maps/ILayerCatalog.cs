namespace Platform.Abstractions.Maps;

/// <summary>
/// Every layer contributed by the modules and the running plugins, in drawing order. Map surfaces read
/// this rather than <c>IEnumerable&lt;IMapLayer&gt;</c>, so a stopped or disabled plugin's layers vanish everywhere.
/// </summary>
public interface ILayerCatalog
{
    IReadOnlyList<IMapLayer> Active { get; }

    IMapLayer? Find(string id);
}
