using System.Globalization;

namespace Platform.Maps.Layers;

/// <summary>Parses the <c>date</c> / <c>datetime</c> query values of the map endpoints.</summary>
internal static class DateParameter
{
    /// <summary>
    /// An ISO date (<c>2020-06-30</c>) or an instant (<c>2020-06-30T00:00:00Z</c>, its calendar date is used).
    /// Null when absent; false when the text is not a date.
    /// </summary>
    public static bool TryParse(string? text, out DateOnly? date)
    {
        date = null;
        if (string.IsNullOrWhiteSpace(text))
            return true;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
        {
            date = d;
            return true;
        }
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t))
        {
            date = DateOnly.FromDateTime(t.UtcDateTime);
            return true;
        }
        return false;
    }
}
