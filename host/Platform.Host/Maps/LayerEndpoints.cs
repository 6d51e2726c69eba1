namespace Platform.Host.Maps;

/// <summary><c>GET /api/layers</c>: the layer catalogue (descriptors with styles and legends).</summary>
internal static class LayerEndpoints
{
    public static void MapLayerEndpoints(this IEndpointRouteBuilder app) =>
        app.MapGet("/api/layers", (LayerCatalog catalog) => catalog.Active.Select(l => l.Descriptor));
}
