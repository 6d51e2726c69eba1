using Platform.Abstractions.Maps;

namespace Platform.Maps.Ogc.Cql2;

/// <summary>What a filter may name in a collection: its fields with their CQL2 types, <c>id</c>, and the geometry property.</summary>
internal sealed record CqlQueryables(IReadOnlyDictionary<string, CqlType> Fields, string GeometryProperty = CqlQueryables.Geometry)
{
    public const string Geometry = "geometry";

    public static CqlQueryables Of(LayerDescriptor layer)
    {
        var fields = new Dictionary<string, CqlType>(StringComparer.Ordinal) { ["id"] = CqlType.String };
        foreach (var f in layer.Fields)
            fields[f.Name] = CqlScalar.TypeOf(f.Type);
        return new CqlQueryables(fields);
    }
}
