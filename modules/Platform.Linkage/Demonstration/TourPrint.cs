using System.Globalization;
using Platform.Spatial;

namespace Platform.Linkage.Demonstration;

/// <summary>
/// The link to a tour's printed route map, from the print service over its HTTP contract (<c>/api/maps/print</c>):
/// communities, water, roads and the demonstration sites, with the walked route and the numbered stops as an overlay
/// (<c>route=</c>, <c>stops=</c>, encoded polylines) and the walking distance and time in the caption.
/// </summary>
internal static class TourPrint
{
    private const string Layers = "jurisdiction-communities,base-water,base-roads,linkage-demonstration-sites";
    private const int MaxSubtitle = 80;

    public static string Url(PlannedTour tour, string format)
    {
        var caption = string.Create(CultureInfo.InvariantCulture, $"步行 {tour.Metres / 1000:0.00} 公里，约 {Math.Round(tour.Minutes):0} 分钟：");
        var order = string.Join("→", tour.Sites.Select((s, i) => $"{i + 1}{s.Name}"));
        var subtitle = caption + Clip(order, MaxSubtitle - caption.Length);
        return "/api/maps/print?layers=" + Layers + "&format=" + format
               + "&title=" + Uri.EscapeDataString("竞进拉练参观动线") + "&subtitle=" + Uri.EscapeDataString(subtitle)
               + "&route=" + Uri.EscapeDataString(EncodedPolyline.Encode(tour.Route))
               + "&stops=" + Uri.EscapeDataString(EncodedPolyline.Encode(tour.Sites.Select(s => (s.Lon, s.Lat))));
    }

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
