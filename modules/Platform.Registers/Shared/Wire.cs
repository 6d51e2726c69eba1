using System.Globalization;
using System.Text.Json;
using NetTopologySuite.Geometries;
using Platform.Spatial;

namespace Platform.Registers.Shared;

/// <summary>Small conversions for answers: geometry as a GeoJSON object, dates as ISO text.</summary>
internal static class Wire
{
    public static JsonElement Geometry(string wkt) => Geometry(WellKnownText.Read(wkt));

    public static JsonElement Geometry(Geometry g)
    {
        using var doc = JsonDocument.Parse(GeoJson.Write(g));
        return doc.RootElement.Clone();
    }

    public static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.Today);

    public static bool TryDate(string? text, out DateOnly date)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            date = Today;
            return true;
        }
        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }
}
