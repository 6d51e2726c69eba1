using System.Text.Json;

namespace Platform.Host.Tests.OpenApi;

/// <summary>
/// Checks a JSON answer against the schema an OpenAPI 3.1 document declares for it — the subset of JSON Schema that
/// ASP.NET Core's generator writes: <c>$ref</c> into <c>components/schemas</c>, <c>type</c> (one or several),
/// <c>properties</c>, <c>required</c>, <c>items</c>, <c>additionalProperties</c>, <c>enum</c>, <c>oneOf</c>/<c>anyOf</c>.
/// Beyond what JSON Schema demands, a property the answer carries but the schema does not name is reported when the
/// schema lists properties and allows no others: the description must not leave out what clients receive.
/// </summary>
internal sealed class SchemaCheck(JsonElement document)
{
    private const int MaxItemsChecked = 25;

    /// <summary>What is wrong, as JSON paths with the reason; empty when the answer fits.</summary>
    public List<string> Problems(JsonElement schema, JsonElement value)
    {
        var problems = new List<string>();
        Check(schema, value, "$", problems, 0);
        return problems;
    }

    private void Check(JsonElement schema, JsonElement value, string path, List<string> problems, int depth)
    {
        if (depth > 40 || problems.Count > 20)
            return;
        schema = Resolve(schema);
        if (schema.ValueKind == JsonValueKind.True || (schema.ValueKind == JsonValueKind.Object && !schema.EnumerateObject().Any()))
            return;
        if (schema.TryGetProperty("oneOf", out var oneOf) || schema.TryGetProperty("anyOf", out oneOf))
        {
            if (!oneOf.EnumerateArray().Any(s => Problems(s, value).Count == 0))
                problems.Add($"{path}: matches none of the alternatives");
            return;
        }
        if (schema.TryGetProperty("type", out var type))
        {
            var allowed = type.ValueKind == JsonValueKind.Array ? type.EnumerateArray().Select(t => t.GetString()!).ToList() : [type.GetString()!];
            if (!allowed.Any(t => Fits(t, value)))
            {
                problems.Add($"{path}: {value.ValueKind} where the schema says {string.Join(" or ", allowed)}");
                return;
            }
        }
        if (schema.TryGetProperty("enum", out var values) && !values.EnumerateArray().Any(v => JsonElement.DeepEquals(v, value)))
            problems.Add($"{path}: {value} is not one of {values}");
        switch (value.ValueKind)
        {
            case JsonValueKind.Object:
                var properties = schema.TryGetProperty("properties", out var p) ? p : default;
                var additional = schema.TryGetProperty("additionalProperties", out var a) ? a : default;
                if (schema.TryGetProperty("required", out var required))
                {
                    foreach (var name in required.EnumerateArray().Select(r => r.GetString()!))
                        if (!value.TryGetProperty(name, out _))
                            problems.Add($"{path}.{name}: required but missing");
                }
                foreach (var property in value.EnumerateObject())
                {
                    if (properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(property.Name, out var propertySchema))
                        Check(propertySchema, property.Value, $"{path}.{property.Name}", problems, depth + 1);
                    else if (additional.ValueKind == JsonValueKind.Object)
                        Check(additional, property.Value, $"{path}.{property.Name}", problems, depth + 1);
                    else if (properties.ValueKind == JsonValueKind.Object && additional.ValueKind != JsonValueKind.True)
                        problems.Add($"{path}.{property.Name}: answered but not described");
                }
                break;
            case JsonValueKind.Array when schema.TryGetProperty("items", out var items):
                var i = 0;
                foreach (var item in value.EnumerateArray().Take(MaxItemsChecked))
                    Check(items, item, $"{path}[{i++}]", problems, depth + 1);
                break;
        }
    }

    private JsonElement Resolve(JsonElement schema)
    {
        for (var hops = 0; schema.ValueKind == JsonValueKind.Object && schema.TryGetProperty("$ref", out var reference) && hops < 20; hops++)
        {
            var target = document;
            foreach (var part in reference.GetString()!.TrimStart('#', '/').Split('/'))
                target = target.GetProperty(part.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));
            schema = target;
        }
        return schema;
    }

    private static bool Fits(string type, JsonElement value) => type switch
    {
        "null" => value.ValueKind == JsonValueKind.Null,
        "string" => value.ValueKind == JsonValueKind.String,
        "boolean" => value.ValueKind is JsonValueKind.True or JsonValueKind.False,
        "integer" => value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out _),
        "number" => value.ValueKind == JsonValueKind.Number,
        "array" => value.ValueKind == JsonValueKind.Array,
        "object" => value.ValueKind == JsonValueKind.Object,
        _ => false,
    };
}
