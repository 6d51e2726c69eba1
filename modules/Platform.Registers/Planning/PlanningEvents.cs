namespace Platform.Registers.Planning;

/// <summary>A planning zone was designated: the waterfront vitality belt or one of the themed clusters (一带六组团).</summary>
internal sealed record ZoneDesignated(string Name, string Kind, string Theme, string GeometryWkt, string Description);

/// <summary>
/// The zone's name, kind, theme, description or scenic-area target was revised. <paramref name="ScenicGrade"/>: the grade of
/// A-level tourist attraction (景区, GB/T 17775) the plan approval sets for the zone, 1–5 (A … AAAAA); null when none.
/// </summary>
internal sealed record ZoneRevised(string Name, string Kind, string Theme, string Description, int? ScenicGrade = null);

/// <summary>The zone's boundary was redrawn (WKT, EPSG:4490).</summary>
internal sealed record ZoneReshaped(string GeometryWkt);

/// <summary>The zone left the plan on <paramref name="On"/>; its history stays.</summary>
internal sealed record ZoneRetired(string Reason, DateOnly On);
