using System.Globalization;

namespace Platform.Abstractions.Plugins;

/// <summary>
/// A version interval in NuGet notation: <c>[1.0,2.0)</c>, <c>[1.0,]</c>, or a bare <c>1.0</c>
/// meaning "1.0 or later".
/// </summary>
public sealed record SdkVersionRange(Version? Min, bool MinInclusive, Version? Max, bool MaxInclusive)
{
    /// <summary>Parses the notation; throws <see cref="FormatException"/> naming the text when it is malformed.</summary>
    public static SdkVersionRange Parse(string text)
    {
        var t = text.Trim();
        if (t.Length == 0)
            throw new FormatException("SDK version range is empty.");
        if (t[0] is not ('[' or '('))
            return new SdkVersionRange(ParseVersion(t, text), true, null, false);
        if (t[^1] is not (']' or ')') || !t.Contains(','))
            throw new FormatException($"SDK version range '{text}' must look like [1.0,2.0).");
        var parts = t[1..^1].Split(',');
        if (parts.Length != 2)
            throw new FormatException($"SDK version range '{text}' must have exactly one comma.");
        var min = parts[0].Trim().Length == 0 ? null : ParseVersion(parts[0].Trim(), text);
        var max = parts[1].Trim().Length == 0 ? null : ParseVersion(parts[1].Trim(), text);
        return new SdkVersionRange(min, t[0] == '[', max, t[^1] == ']');
    }

    /// <summary>Whether <paramref name="version"/> lies inside the interval.</summary>
    public bool Includes(Version version)
    {
        if (Min is not null && (MinInclusive ? version < Min : version <= Min))
            return false;
        if (Max is not null && (MaxInclusive ? version > Max : version >= Max))
            return false;
        return true;
    }

    private static Version ParseVersion(string s, string whole) =>
        Version.TryParse(s.Contains('.') ? s : s + ".0", out var v)
            ? v
            : throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"'{s}' in SDK version range '{whole}' is not a version."));
}
