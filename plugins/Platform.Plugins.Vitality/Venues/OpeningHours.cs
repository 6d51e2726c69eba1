using System.Globalization;

namespace Platform.Plugins.Vitality.Venues;

/// <summary>A venue's opening hours as people read them: 周一至周五 08:00–21:00；周六、周日 09:00–18:00.</summary>
internal static class OpeningHours
{
    private static readonly string[] DaysZh = ["", "周一", "周二", "周三", "周四", "周五", "周六", "周日"];
    private static readonly string[] DaysEn = ["", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

    public static string DayZh(DayOfWeek day) => DaysZh[day == DayOfWeek.Sunday ? 7 : (int)day];

    public static string Zh(VenueView venue) => venue.Week.Count == 0
        ? $"每天 {Hhmm(venue.Opens)}–{Hhmm(venue.Closes)}"
        : string.Join("；", venue.Week.Select(w => $"{Days(w.Days, DaysZh, "至", "、")} {Hhmm(w.Opens)}–{Hhmm(w.Closes)}"));

    public static string En(VenueView venue) => venue.Week.Count == 0
        ? $"daily {Hhmm(venue.Opens)}–{Hhmm(venue.Closes)}"
        : string.Join("; ", venue.Week.Select(w => $"{Days(w.Days, DaysEn, "–", ", ")} {Hhmm(w.Opens)}–{Hhmm(w.Closes)}"));

    /// <summary>Days in order, a run of three or more written first–last (周一至周五), shorter runs one by one.</summary>
    private static string Days(int[] days, string[] names, string through, string and)
    {
        var sorted = days.Order().ToList();
        var parts = new List<string>();
        for (var i = 0; i < sorted.Count;)
        {
            var j = i;
            while (j + 1 < sorted.Count && sorted[j + 1] == sorted[j] + 1)
                j++;
            if (j - i >= 2)
                parts.Add(names[sorted[i]] + through + names[sorted[j]]);
            else
                parts.AddRange(sorted[i..(j + 1)].Select(d => names[d]));
            i = j + 1;
        }
        return string.Join(and, parts);
    }

    private static string Hhmm(TimeOnly t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);
}
