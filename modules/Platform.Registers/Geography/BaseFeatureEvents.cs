namespace Platform.Registers.Geography;

/// <summary>
/// A feature of the base geography was recorded: water (湖、河) or a road, for map context and walking distances.
/// A road's <paramref name="Class"/> is <c>main</c> (主干路) or <c>local</c> (支路); null (before classes existed) means main.
/// </summary>
internal sealed record BaseFeatureRecorded(string Name, string Kind, string GeometryWkt, string? Class = null);

/// <summary>The feature's name or (for roads) class was revised.</summary>
internal sealed record BaseFeatureRevised(string Name, string? Class);

/// <summary>The feature's geometry was redrawn (WKT, EPSG:4490).</summary>
internal sealed record BaseFeatureReshaped(string GeometryWkt);

/// <summary>The feature left the base geography on <paramref name="On"/>; its history stays.</summary>
internal sealed record BaseFeatureRetired(string Reason, DateOnly On);
