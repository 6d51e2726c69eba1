namespace Platform.Registers.Planning;

/// <summary>A planning zone was designated: the waterfront vitality belt or one of the themed clusters (一带六组团).</summary>
internal sealed record ZoneDesignated(string Name, string Kind, string Theme, string GeometryWkt, string Description);
