using System.Globalization;
using Microsoft.Extensions.Configuration;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using Platform.Abstractions.Jurisdiction;
using Platform.Spatial;

namespace Platform.Abstractions.Commands;

/// <summary>
/// A record's geometry lies within the territory the street manages today (its own and delegated areas, from the
/// jurisdiction register), give or take <see cref="MarginMetres"/>; otherwise the refusal names how far outside it is.
/// The write path applies it to every place a command puts a record (<see cref="Outcome.At(Geometry, string)"/>,
/// <see cref="Outcome.Within"/>), and imports to every row before anything is written.
/// </summary>
/// <remarks>
/// The margin is <c>Platform:Territory:MarginMetres</c> (default 2000 m): registers keep things just across the
/// boundary (a road's far kerb, a facility serving both sides), never another city. The distance is measured from
/// the geometry's farthest vertex beyond the margin to the territory, in the Gauss–Krüger zone where both fit one,
/// else along the ellipsoid (<see cref="Geodesic.ShortestDistanceMetres"/>). No street registered: no check.
/// </remarks>
public sealed class PlaceMustLieWithinTheStreetTerritoryRule(IJurisdictionLocator jurisdiction, IConfiguration configuration)
{
    /// <summary>The default tolerance beyond the boundary, in metres.</summary>
    public const double DefaultMarginMetres = 2000;

    private Territory? _territory;

    /// <summary>How far beyond the boundary a geometry may reach, metres (<c>Platform:Territory:MarginMetres</c>).</summary>
    public double MarginMetres => configuration.GetValue<double?>("Platform:Territory:MarginMetres") is { } m && double.IsFinite(m) && m >= 0 ? m : DefaultMarginMetres;

    /// <summary>Null when <paramref name="geometry"/> (EPSG:4490) lies within the territory and margin; else a 409 refusal (the place conflicts with the jurisdiction register as it stands) on <paramref name="field"/>.</summary>
    public async Task<Rejection?> CheckAsync(Geometry geometry, string field = "geometry", CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        if (geometry.IsEmpty || await TerritoryAsync(ct) is not { } territory)
            return null;
        if (territory.WithMargin.Covers(geometry))
            return null;
        var farthest = geometry.Coordinates.Where(c => !territory.WithMargin.Covers(geometry.Factory.CreatePoint(c)))
            .Select(c => (Point: c, Metres: Geodesic.ShortestDistanceMetres(geometry.Factory.CreatePoint(c), territory.Area)))
            .DefaultIfEmpty((Point: geometry.InteriorPoint.Coordinate, Metres: Geodesic.ShortestDistanceMetres(geometry, territory.Area)))
            .MaxBy(p => p.Metres);
        var distance = Say(farthest.Metres);
        // Where it lies: inside the part beyond the boundary, as the other geometric refusals name a place.
        var beyond = geometry.Difference(territory.Area);
        var outsidePart = (beyond.IsEmpty ? geometry : beyond).InteriorPoint;
        return new Rejection(409, field,
            $"The place lies outside the territory of {territory.StreetNameEn} by {distance} (allowed margin {Say(MarginMetres)}).",
            $"位置在{territory.StreetName}辖区外 {distance}（允许超出 {Say(MarginMetres)}）。")
        {
            Location = [outsidePart.X, outsidePart.Y],
            DistanceMetres = Math.Round(farthest.Metres, 1),
        };
    }

    // The same in both languages: "1,523 km", "3.3 km", "850 m".
    private static string Say(double metres) =>
        metres >= 10_000 ? (metres / 1000).ToString("#,0", CultureInfo.InvariantCulture) + " km"
        : metres >= 1000 ? (metres / 1000).ToString("0.0", CultureInfo.InvariantCulture) + " km"
        : metres.ToString("0", CultureInfo.InvariantCulture) + " m";

    private async Task<Territory?> TerritoryAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(DateTime.Today);
        if (await jurisdiction.ManagedTerritoryWktAsync(today, ct) is not { } wkt)
            return null;
        var margin = MarginMetres;
        if (_territory is { } known && known.Wkt == wkt && known.Margin == margin)
            return known;
        var area = WellKnownText.Read(wkt);
        var inside = GeometryMeasurement.InteriorPoint(area);
        var street = (await jurisdiction.LocateAsync(inside.X, inside.Y, today, ct)).ManagingStreet;
        var made = new Territory(wkt, margin, area, PreparedGeometryFactory.Prepare(margin > 0 ? GeometryMeasurement.Buffer(area, margin) : area),
            street ?? "街道", street ?? "the street");
        _territory = made;
        return made;
    }

    private sealed record Territory(string Wkt, double Margin, Geometry Area, IPreparedGeometry WithMargin, string StreetName, string StreetNameEn);
}
