using System.Globalization;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Operation.Valid;

namespace Platform.Spatial;

/// <summary>
/// Checks incoming geometry (EPSG:4490 lon/lat) and says why and where it is unacceptable; repairs on request.
/// </summary>
/// <remarks>
/// Order of checks: vertex limit (first, O(parts)), empty, NaN/infinity, outside China, outside the street extent,
/// then topology with NetTopologySuite's <see cref="IsValidOp"/> (self-intersection with its crossing point,
/// ring problems). Lines that cross themselves are valid (OGC simple features); polygons must be valid.
/// </remarks>
public static class GeometryValidator
{
    /// <summary>Validates <paramref name="geometry"/>; never throws for bad geometry.</summary>
    /// <param name="geometry">Geometry in EPSG:4490 longitude/latitude.</param>
    /// <param name="options">Limits; defaults when null.</param>
    public static GeometryValidationResult Validate(Geometry geometry, GeometryValidationOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        options ??= new GeometryValidationOptions();

        var vertices = geometry.NumPoints;
        if (vertices > options.MaxVertices)
        {
            return ValidationFailures.TooManyVertices(vertices, options.MaxVertices);
        }

        if (geometry.IsEmpty)
        {
            return ValidationFailures.Empty();
        }

        var coordinates = geometry.Coordinates;
        for (var i = 0; i < coordinates.Length; i++)
        {
            if (!double.IsFinite(coordinates[i].X) || !double.IsFinite(coordinates[i].Y))
            {
                return ValidationFailures.NotFinite(i);
            }
        }

        if (options.RequireInsideChina && FirstOutside(coordinates, GeometryValidationOptions.ChinaExtent) is { } outside)
        {
            return ValidationFailures.OutsideChina(outside);
        }

        if (options.StreetExtent is { } extent && FirstOutside(coordinates, extent) is { } outsideStreet)
        {
            return ValidationFailures.OutsideStreetExtent(outsideStreet, extent);
        }

        TopologyValidationError? error;
        try
        {
            error = new IsValidOp(geometry).ValidationError;
        }
        catch (Exception ex) when (ex is TopologyException or ArgumentException or InvalidOperationException)
        {
            // Degenerate input can make the topology check itself fail; that is still an answer about the geometry.
            return GeometryValidationResult.Invalid(GeometryValidationCodes.InvalidTopology,
                $"invalid topology ({ex.Message})", $"拓扑无效（{ex.Message}）");
        }

        return error is null ? GeometryValidationResult.Ok : ValidationFailures.Topology(error);
    }

    /// <summary>
    /// Repairs an invalid geometry with NetTopologySuite's <see cref="GeometryFixer"/> (self-intersections split,
    /// collapsed parts removed). Keeps the SRID. The result may have another type (a bow-tie polygon becomes a multipolygon).
    /// </summary>
    public static Geometry Repair(Geometry geometry)
    {
        ArgumentNullException.ThrowIfNull(geometry);
        var fixedGeometry = GeometryFixer.Fix(geometry);
        fixedGeometry.SRID = geometry.SRID;
        return fixedGeometry;
    }

    /// <summary>True when the code names a problem that <see cref="Repair"/> can fix (topology errors, not limits or ranges).</summary>
    public static bool IsRepairable(string? code) => code is GeometryValidationCodes.SelfIntersection
        or GeometryValidationCodes.RingSelfIntersection or GeometryValidationCodes.HoleOutsideShell
        or GeometryValidationCodes.NestedHoles or GeometryValidationCodes.DisconnectedInterior
        or GeometryValidationCodes.NestedShells or GeometryValidationCodes.DuplicateRings
        or GeometryValidationCodes.InvalidTopology or GeometryValidationCodes.TooFewPoints
        or GeometryValidationCodes.RingNotClosed;

    private static Coordinate? FirstOutside(Coordinate[] coordinates, Envelope extent)
    {
        foreach (var c in coordinates)
        {
            if (!extent.Contains(c.X, c.Y))
            {
                return c;
            }
        }

        return null;
    }

    internal static string Format(double value) => value.ToString("0.#######", CultureInfo.InvariantCulture);
}
