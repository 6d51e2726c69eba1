namespace Platform.Linkage.Demonstration;

/// <summary>A stop of a planned tour, numbered from 1 in the order visited.</summary>
public sealed record TourStopDto(int Order, Guid Id, string Name, double[] Location, GuideDto? Guide);

/// <summary>One leg between two consecutive stops, in metres and minutes along the roads.</summary>
public sealed record TourLegDto(Guid From, Guid To, double Metres, double Minutes);

/// <summary>
/// A planned tour: the stops in order, the legs, the walking distance (metres) and time (minutes), whether the order
/// is exact, and the printable route map.
/// </summary>
public sealed record TourDto(IReadOnlyList<TourStopDto> Sites, IReadOnlyList<TourLegDto> Legs, double Metres, double Minutes, bool Exact, string MethodZh, string MethodEn,
    double PaceMetresPerMinute, string RouteZh, string PrintUrl);
