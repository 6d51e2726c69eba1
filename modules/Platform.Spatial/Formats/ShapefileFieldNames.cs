using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Platform.Spatial;

/// <summary>
/// dBase field names (at most 10 bytes) for long attribute names, and the sidecar <c>&lt;layer&gt;.fields.json</c>
/// that records them so an import restores the long names.
/// </summary>
/// <remarks>
/// <para>The mapping, in the order the fields appear (so it is deterministic):</para>
/// <list type="number">
/// <item>A name of at most 10 bytes (in the dBase encoding) is kept as it is.</item>
/// <item>A longer name is split into words at camelCase humps, digits, <c>_</c>, <c>-</c> and spaces; every word keeps its
/// first letters, the shortest words whole, the cut shared evenly between the longer ones, and the words are joined in
/// camelCase: <c>propertyCompany</c> → <c>propeCompa</c>, <c>areaSquareMetres</c> → <c>areaSquMet</c>,
/// <c>communityName</c> → <c>communName</c>. A name of one word (a Chinese name) is cut at a character boundary.</item>
/// <item>A short name already taken (compared without case, as dBase readers do) ends in <c>_1</c>, <c>_2</c>…
/// instead of its last characters.</item>
/// </list>
/// <para>The sidecar is JSON: <c>{"fields":[{"dbf":"propeCompa","name":"propertyCompany"},…]}</c>, one entry per field,
/// UTF-8. On import an entry renames the dBase field only when that field exists and the long name is not already a
/// field, so a sidecar left beside an edited file cannot misname anything.</para>
/// </remarks>
public static class ShapefileFieldNames
{
    /// <summary>The sidecar's name: <c>&lt;layer&gt;.fields.json</c>.</summary>
    public const string SidecarExtension = "fields.json";

    /// <summary>Longest dBase field name, in bytes.</summary>
    public const int MaxBytes = 10;

    /// <summary>Short names for <paramref name="names"/>, in order: unique without case, each at most 10 bytes in <paramref name="encoding"/>.</summary>
    public static IReadOnlyList<string> Shorten(IReadOnlyList<string> names, Encoding encoding)
    {
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(encoding);
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = new List<string>(names.Count);
        foreach (var name in names)
        {
            var shortName = Abbreviate(string.IsNullOrWhiteSpace(name) ? "field" : name, encoding);
            var candidate = shortName;
            for (var n = 1; !used.Add(candidate); n++)
            {
                var suffix = string.Create(CultureInfo.InvariantCulture, $"_{n}");
                candidate = Cut(shortName, MaxBytes - suffix.Length, encoding) + suffix;
            }

            result.Add(candidate);
        }

        return result;
    }

    /// <summary>The sidecar for short → long names.</summary>
    public static byte[] Sidecar(IEnumerable<(string Dbf, string Name)> fields)
    {
        var array = new JsonArray();
        foreach (var (dbf, name) in fields)
        {
            array.Add(new JsonObject { ["dbf"] = dbf, ["name"] = name });
        }

        return JsonSerializer.SerializeToUtf8Bytes(new JsonObject
        {
            ["description"] = "Long attribute names of the .dbf fields (dBase names are at most 10 bytes).",
            ["fields"] = array,
        }, new JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    /// <summary>
    /// Renames the attributes of an imported feature by the sidecar: each dBase name that has an entry takes its long
    /// name, unless the long name is already an attribute. Null or unreadable sidecar: the attributes as they are.
    /// </summary>
    public static IReadOnlyDictionary<string, object?> Restore(IReadOnlyDictionary<string, object?> attributes, IReadOnlyDictionary<string, string>? longNames)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        if (longNames is null || longNames.Count == 0)
        {
            return attributes;
        }

        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (name, value) in attributes)
        {
            var restored = longNames.TryGetValue(name, out var longName) && !attributes.ContainsKey(longName) && !result.ContainsKey(longName) ? longName : name;
            result[restored] = value;
        }

        return result;
    }

    /// <summary>The sidecar's dBase → long name entries; null when absent or not the sidecar's JSON.</summary>
    public static IReadOnlyDictionary<string, string>? Read(byte[]? sidecar)
    {
        if (sidecar is null)
        {
            return null;
        }

        try
        {
            if (JsonNode.Parse(sidecar)?["fields"] is not JsonArray fields)
            {
                return null;
            }

            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var field in fields)
            {
                if (field?["dbf"]?.GetValue<string>() is { Length: > 0 } dbf && field["name"]?.GetValue<string>() is { Length: > 0 } name)
                {
                    map.TryAdd(dbf, name);
                }
            }

            return map;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    private static string Abbreviate(string name, Encoding encoding)
    {
        if (encoding.GetByteCount(name) <= MaxBytes)
        {
            return name;
        }

        var words = Words(name);
        if (words.Count < 2)
        {
            return Cut(name, MaxBytes, encoding);
        }

        words = words.Take(MaxBytes).ToList();
        // Water-filling: the largest cap every word can be cut to within the budget; left-over characters go to the
        // first words longer than the cap.
        var lengths = words.Select(w => new StringInfo(w).LengthInTextElements).ToArray();
        var cap = 1;
        while (lengths.Sum(l => Math.Min(l, cap + 1)) <= MaxBytes && cap < lengths.Max())
        {
            cap++;
        }

        var keep = lengths.Select(l => Math.Min(l, cap)).ToArray();
        var spare = MaxBytes - keep.Sum();
        for (var i = 0; i < keep.Length && spare > 0; i++)
        {
            if (lengths[i] > keep[i])
            {
                keep[i]++;
                spare--;
            }
        }

        var joined = string.Concat(words.Select((w, i) => Capitalised(Prefix(w, keep[i]), i)));
        return Cut(joined, MaxBytes, encoding);
    }

    private static List<string> Words(string name)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c is '_' or '-' or ' ' or '.')
            {
                Flush();
                continue;
            }

            var hump = current.Length > 0 && ((char.IsUpper(c) && !char.IsUpper(name[i - 1])) || (char.IsDigit(c) != char.IsDigit(name[i - 1])));
            if (hump)
            {
                Flush();
            }

            current.Append(c);
        }

        Flush();
        return words;

        void Flush()
        {
            if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
    }

    private static string Prefix(string word, int elements)
    {
        var info = new StringInfo(word);
        return elements >= info.LengthInTextElements ? word : info.SubstringByTextElements(0, elements);
    }

    private static string Capitalised(string word, int index) =>
        index == 0 || word.Length == 0 || !char.IsLower(word[0]) ? word : char.ToUpperInvariant(word[0]) + word[1..];

    internal static string Cut(string text, int maxBytes, Encoding encoding)
    {
        if (encoding.GetByteCount(text) <= maxBytes)
        {
            return text;
        }

        var enumerator = StringInfo.GetTextElementEnumerator(text);
        var sb = new StringBuilder();
        while (enumerator.MoveNext())
        {
            var element = enumerator.GetTextElement();
            if (encoding.GetByteCount(sb + element) > maxBytes)
            {
                break;
            }

            sb.Append(element);
        }

        return sb.ToString();
    }
}
