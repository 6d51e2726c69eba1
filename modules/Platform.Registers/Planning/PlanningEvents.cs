namespace Platform.Registers.Planning;

/// <summary>A planning zone was designated: the waterfront vitality belt or one of the themed clusters (一带六组团).</summary>
internal sealed record ZoneDesignated(string Name, string Kind, string Theme, string GeometryWkt, string Description);

/// <summary>The zone's name, kind, theme or description was revised.</summary>
internal sealed record ZoneRevised(string Name, string Kind, string Theme, string Description);

/// <summary>The zone's boundary was redrawn (WKT, EPSG:4490).</summary>
internal sealed record ZoneReshaped(string GeometryWkt);

/// <summary>The zone left the plan on <paramref name="On"/>; its history stays.</summary>
internal sealed record ZoneRetired(string Reason, DateOnly On);
