using NetTopologySuite.Features;

namespace Platform.Spatial;

/// <summary>Copies imported attributes, refusing text that did not decode (U+FFFD).</summary>
internal static class ImportedAttributes
{
    public static IReadOnlyDictionary<string, object?> From(IAttributesTable? table, string what, string encoding)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (table is null)
        {
            return result;
        }

        foreach (var name in table.GetNames())
        {
            var value = table[name];
            if (AttributeEncodings.LooksGarbled(name) || (value is string s && AttributeEncodings.LooksGarbled(s)))
            {
                throw AttributeEncodings.Garbled(what, encoding);
            }

            result[name] = value is DBNull ? null : value;
        }

        return result;
    }
}
