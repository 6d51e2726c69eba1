using System.Globalization;
using NetTopologySuite.Geometries;
using Platform.Spatial;

namespace Platform.Registers.Import;

/// <summary>
/// The rows of one file do not clash with each other: no row repeats another (same name, same geometry), and in the
/// site register no two rows overlap by more than <see cref="Sites.SitePlacementRules.ToleranceSquareMetres"/> — the
/// rule each row already meets against the stored sites, applied within the file before anything is written.
/// </summary>
internal static class ImportRowsMustNotClashRule
{
    public sealed record Clash(int Row, string Field, string Reason, string ReasonZh);

    /// <summary>Each clash named on the later row, with the earlier row's number (rows count from 1).</summary>
    public static IReadOnlyList<Clash> Check(string register, IReadOnlyList<(int Row, string? Name, Geometry Geometry)> rows)
    {
        var clashes = new List<Clash>();
        for (var j = 1; j < rows.Count; j++)
        {
            var later = rows[j];
            for (var i = 0; i < j; i++)
            {
                var earlier = rows[i];
                if (!earlier.Geometry.EnvelopeInternal.Intersects(later.Geometry.EnvelopeInternal))
                    continue;
                if (string.Equals(earlier.Name, later.Name, StringComparison.Ordinal) && earlier.Geometry.EqualsExact(later.Geometry, 1e-7))
                {
                    clashes.Add(new(later.Row, "row", $"Row {later.Row} repeats row {earlier.Row} ({later.Name}).", $"第 {later.Row} 行与第 {earlier.Row} 行（{later.Name}）重复。"));
                    break;
                }
                if (register == "sites" && later.Geometry is not Point && earlier.Geometry is not Point && earlier.Geometry.Intersects(later.Geometry))
                {
                    var overlap = earlier.Geometry.Intersection(later.Geometry);
                    var area = GeometryMeasurement.AreaSquareMetres(overlap);
                    if (area <= Sites.SitePlacementRules.ToleranceSquareMetres)
                        continue;
                    var at = GeometryMeasurement.InteriorPoint(overlap);
                    clashes.Add(new(later.Row, "geometry",
                        string.Format(CultureInfo.InvariantCulture, "Row {0} overlaps row {1} ({2}) of the same file by {3:0.0} m² around {4:0.000000},{5:0.000000}.", later.Row, earlier.Row, earlier.Name, area, at.X, at.Y),
                        string.Format(CultureInfo.InvariantCulture, "第 {0} 行与本文件第 {1} 行（{2}）重叠 {3:0.0} 平方米，位置约在 {4:0.000000},{5:0.000000}。", later.Row, earlier.Row, earlier.Name, area, at.X, at.Y)));
                    break;
                }
            }
        }
        return clashes;
    }
}
