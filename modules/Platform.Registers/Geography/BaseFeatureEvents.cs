namespace Platform.Registers.Geography;

/// <summary>
/// A feature of the base geography was recorded: water (湖、河) or a road, for map context and walking distances.
/// A road's <paramref name="Class"/> is <c>main</c> (主干路) or <c>local</c> (支路); null (before classes existed) means main.
/// </summary>
internal sealed record BaseFeatureRecorded(string Name, string Kind, string GeometryWkt, string? Class = null);
