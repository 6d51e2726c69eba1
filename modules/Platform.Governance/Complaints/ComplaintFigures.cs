using System.Globalization;

namespace Platform.Governance.Complaints;

/// <summary>Complaints received in a period and how they were answered: in total, per compound, per category and per month.</summary>
public sealed record ComplaintFigures(
    int Received, int Responded, double ResponseRate, string ResponseRatePercent, bool AllResponded, double? MedianHoursToRespond,
    int Compounds, string CompoundNamesZh, string CategoryNamesZh,
    IReadOnlyList<ComplaintFigureRow> ByCompound, IReadOnlyList<ComplaintFigureRow> ByCategory, IReadOnlyList<ComplaintFigureRow> ByMonth)
{
    /// <summary>The figures of the complaints filed from <paramref name="from"/> to <paramref name="to"/> (both included, China time).</summary>
    public static ComplaintFigures Of(IEnumerable<Complaint> all, IReadOnlyDictionary<string, string> categoryNames, DateOnly from, DateOnly to)
    {
        var list = all.Where(c => FiledOn(c) >= from && FiledOn(c) <= to).ToList();
        var byCompound = Rows(list.Where(c => c.CompoundName is not null), c => c.CompoundName!, c => c.CompoundName!);
        var byCategory = Rows(list, c => c.Category, c => categoryNames.GetValueOrDefault(c.Category, c.Category));
        var byMonth = Rows(list, c => FiledOn(c).ToString("yyyy-MM", CultureInfo.InvariantCulture), c => $"{FiledOn(c).Month}月");
        var responded = list.Count(c => c.RespondedAt is not null);
        var rate = list.Count == 0 ? 0 : (double)responded / list.Count;
        return new ComplaintFigures(list.Count, responded, Math.Round(rate, 4), Percent(rate), list.Count > 0 && responded == list.Count,
            Median(list), byCompound.Count, string.Join("、", byCompound.OrderByDescending(r => r.Received).Select(r => r.Name)),
            string.Join("、", byCategory.OrderByDescending(r => r.Received).Select(r => r.Name)), byCompound, byCategory, byMonth.OrderBy(r => r.Key).ToList());
    }

    internal static DateOnly FiledOn(Complaint c) => DateOnly.FromDateTime(c.FiledAt.ToOffset(TimeSpan.FromHours(8)).DateTime);

    /// <summary>A share as Chinese reports print it: 100%, 95.5%.</summary>
    public static string Percent(double share) => (Math.Round(share * 100, 1)).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    private static List<ComplaintFigureRow> Rows(IEnumerable<Complaint> list, Func<Complaint, string> key, Func<Complaint, string> name) =>
        list.GroupBy(key).Select(g =>
        {
            var responded = g.Count(c => c.RespondedAt is not null);
            return new ComplaintFigureRow(g.Key, name(g.First()), g.Count(), responded, Math.Round((double)responded / g.Count(), 4), Median(g));
        }).OrderBy(r => r.Key, StringComparer.Ordinal).ToList();

    private static double? Median(IEnumerable<Complaint> list)
    {
        var hours = list.Where(c => c.RespondedAt is not null).Select(c => (c.RespondedAt!.Value - c.FiledAt).TotalHours).Order().ToList();
        if (hours.Count == 0)
            return null;
        var mid = hours.Count / 2;
        return Math.Round(hours.Count % 2 == 1 ? hours[mid] : (hours[mid - 1] + hours[mid]) / 2, 2);
    }
}

/// <summary>One compound's, category's or month's complaints: received, responded (处置回复), share responded, median hours to respond.</summary>
public sealed record ComplaintFigureRow(string Key, string Name, int Received, int Responded, double ResponseRate, double? MedianHoursToRespond);
