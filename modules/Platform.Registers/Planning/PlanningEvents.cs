namespace Platform.Registers.Planning;

/// <summary>A planning zone was designated: the waterfront vitality belt or one of the themed clusters (一带六组团).</summary>
internal sealed record ZoneDesignated(string Name, string Kind, string Theme, string GeometryWkt, string Description);

/// <summary>
/// A feature of the base geography was recorded: water (湖、河) or a road, for map context and walking distances.
/// A road's <paramref name="Class"/> is <c>main</c> (主干路) or <c>local</c> (支路); null (before classes existed) means main.
/// </summary>
internal sealed record BaseFeatureRecorded(string Name, string Kind, string GeometryWkt, string? Class = null);
