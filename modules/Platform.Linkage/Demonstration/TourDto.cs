namespace Platform.Linkage.Demonstration;

/// <summary>A stop of a planned tour, numbered from 1 in the order visited.</summary>
public sealed record TourStopDto(int Order, Guid Id, string Name, double[] Location, GuideDto? Guide);

/// <summary>One leg between two consecutive stops, in metres and minutes along the roads.</summary>
public sealed record TourLegDto(Guid From, Guid To, double Metres, double Minutes);

/// <summary>
/// A planned tour: the stops in order, the legs, the walking distance (metres) and time (minutes), whether the order
/// is exact, the route walked along the roads (<c>route</c>: [lon, lat] points in EPSG:4490) and the printable route map
/// (<c>printUrl</c>, a PDF; <c>printPngUrl</c> the same as PNG) from the print service, drawing that route and the numbered stops.
/// </summary>
public sealed record TourDto(IReadOnlyList<TourStopDto> Sites, IReadOnlyList<TourLegDto> Legs, double Metres, double Minutes, bool Exact, string MethodZh, string MethodEn,
    double PaceMetresPerMinute, string RouteZh, IReadOnlyList<double[]> Route, string PrintUrl, string PrintPngUrl);
