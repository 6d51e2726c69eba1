using System.Text.RegularExpressions;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using Platform.Abstractions.Maps;

namespace Platform.Maps.Ogc.Cql2;

/// <summary>
/// A parsed CQL2 boolean expression. Evaluation is three-valued as CQL2 requires: a comparison with a missing
/// (null) value is unknown (null), <c>NOT unknown</c> is unknown, and only features for which the filter is true are selected.
/// </summary>
internal abstract record CqlPredicate
{
    public abstract bool? Evaluate(MapFeature feature);

    public bool Matches(MapFeature feature) => Evaluate(feature) == true;
}

internal sealed record AndPredicate(CqlPredicate Left, CqlPredicate Right) : CqlPredicate
{
    public override bool? Evaluate(MapFeature feature)
    {
        var l = Left.Evaluate(feature);
        if (l == false)
            return false;
        var r = Right.Evaluate(feature);
        return r == false ? false : l is null || r is null ? null : true;
    }
}

internal sealed record OrPredicate(CqlPredicate Left, CqlPredicate Right) : CqlPredicate
{
    public override bool? Evaluate(MapFeature feature)
    {
        var l = Left.Evaluate(feature);
        if (l == true)
            return true;
        var r = Right.Evaluate(feature);
        return r == true ? true : l is null || r is null ? null : false;
    }
}

internal sealed record NotPredicate(CqlPredicate Inner) : CqlPredicate
{
    public override bool? Evaluate(MapFeature feature) => !Inner.Evaluate(feature);
}

internal sealed record ConstantPredicate(bool Value) : CqlPredicate
{
    public override bool? Evaluate(MapFeature feature) => Value;
}

internal sealed record ComparisonPredicate(CqlScalar Left, string Operator, CqlScalar Right) : CqlPredicate
{
    public override bool? Evaluate(MapFeature feature)
    {
        if (CqlScalar.Compare(Left.Value(feature), Right.Value(feature)) is not { } c)
            return null;
        return Operator switch
        {
            "=" => c == 0,
            "<>" => c != 0,
            "<" => c < 0,
            "<=" => c <= 0,
            ">" => c > 0,
            _ => c >= 0,
        };
    }
}

internal sealed record LikePredicate(CqlScalar Value, Regex Pattern, bool Negated) : CqlPredicate
{
    public override bool? Evaluate(MapFeature feature) =>
        Value.Value(feature) is string s ? Pattern.IsMatch(s) != Negated : null;
}

internal sealed record InPredicate(CqlScalar Value, IReadOnlyList<CqlScalar> List, bool Negated) : CqlPredicate
{
    public override bool? Evaluate(MapFeature feature)
    {
        if (Value.Value(feature) is not { } v)
            return null;
        return List.Any(item => CqlScalar.Compare(v, item.Value(feature)) == 0) != Negated;
    }
}

internal sealed record BetweenPredicate(CqlScalar Value, CqlScalar Low, CqlScalar High, bool Negated) : CqlPredicate
{
    public override bool? Evaluate(MapFeature feature)
    {
        var v = Value.Value(feature);
        if (CqlScalar.Compare(v, Low.Value(feature)) is not { } low || CqlScalar.Compare(v, High.Value(feature)) is not { } high)
            return null;
        return (low >= 0 && high <= 0) != Negated;
    }
}

internal sealed record IsNullPredicate(CqlScalar Value, bool Negated) : CqlPredicate
{
    public override bool? Evaluate(MapFeature feature) => (Value.Value(feature) is null) != Negated;
}

/// <summary>A spatial function of the feature's geometry and a literal (EPSG:4490), or of two literals.</summary>
internal sealed record SpatialPredicate(string Function, Geometry? LeftLiteral, Geometry? RightLiteral) : CqlPredicate
{
    private readonly IPreparedGeometry? _prepared = RightLiteral is null ? null : PreparedGeometryFactory.Prepare(RightLiteral);

    public override bool? Evaluate(MapFeature feature)
    {
        var a = LeftLiteral ?? feature.Geometry;
        var b = RightLiteral ?? feature.Geometry;
        if (a.IsEmpty || b.IsEmpty)
            return Function == "S_DISJOINT";
        // The prepared literal answers the common case (property, literal) without rebuilding its index per feature.
        var prepared = LeftLiteral is null ? _prepared : null;
        return Function switch
        {
            "S_INTERSECTS" => prepared?.Intersects(a) ?? a.Intersects(b),
            "S_DISJOINT" => !(prepared?.Intersects(a) ?? a.Intersects(b)),
            "S_CONTAINS" => a.Contains(b),
            "S_WITHIN" => prepared?.Contains(a) ?? a.Within(b),
            "S_EQUALS" => a.EqualsTopologically(b),
            "S_TOUCHES" => a.Touches(b),
            "S_CROSSES" => a.Crosses(b),
            _ => a.Overlaps(b),
        };
    }
}

/// <summary>A temporal function (Allen's relations as CQL2 defines them) of instants and intervals.</summary>
internal sealed record TemporalPredicate(string Function, CqlTemporal Left, CqlTemporal Right) : CqlPredicate
{
    public override bool? Evaluate(MapFeature feature)
    {
        if (Left.Value(feature) is not var (aStart, aEnd) || Right.Value(feature) is not var (bStart, bEnd))
            return null;
        return Function switch
        {
            "T_AFTER" => aStart > bEnd,
            "T_BEFORE" => aEnd < bStart,
            "T_CONTAINS" => aStart < bStart && aEnd > bEnd,
            "T_DISJOINT" => aEnd < bStart || aStart > bEnd,
            "T_DURING" => aStart > bStart && aEnd < bEnd,
            "T_EQUALS" => aStart == bStart && aEnd == bEnd,
            "T_FINISHEDBY" => aStart < bStart && aEnd == bEnd,
            "T_FINISHES" => aStart > bStart && aEnd == bEnd,
            "T_INTERSECTS" => aStart <= bEnd && aEnd >= bStart,
            "T_MEETS" => aEnd == bStart,
            "T_METBY" => aStart == bEnd,
            "T_OVERLAPPEDBY" => aStart > bStart && aStart < bEnd && aEnd > bEnd,
            "T_OVERLAPS" => aStart < bStart && aEnd > bStart && aEnd < bEnd,
            "T_STARTEDBY" => aStart == bStart && aEnd > bEnd,
            _ => aStart == bStart && aEnd < bEnd,
        };
    }
}
