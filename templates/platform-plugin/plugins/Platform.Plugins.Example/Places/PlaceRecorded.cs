namespace Platform.Plugins.Example.Places;

/// <summary>A place was recorded at (<paramref name="Lon"/>, <paramref name="Lat"/>) in EPSG:4490.</summary>
public sealed record PlaceRecorded(string Name, double Lon, double Lat)
{
    /// <summary>The event's stored name: namespaced with the plugin id, so no other plugin's event can collide with it.</summary>
    public const string Alias = "example-id.place_recorded";
}
