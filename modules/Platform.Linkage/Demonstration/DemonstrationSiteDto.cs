using Platform.Abstractions.Security;

namespace Platform.Linkage.Demonstration;

/// <summary>The guide of a site as staff read it.</summary>
public sealed record GuideDto([property: PersonalData] string Name, bool Trained);

/// <summary>A demonstration site (示范点位); <c>location</c> is [lon, lat] in EPSG:4490.</summary>
public sealed record DemonstrationSiteDto(Guid Id, string Name, int Year, double[] Location, string Description, GuideDto? Guide, IReadOnlyList<string> Materials);
