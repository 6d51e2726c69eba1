using System.Globalization;

namespace Platform.Campaigns.Figures;

/// <summary>Numbers as the summary writes them: "2300余" (rounded down to hundreds from 1000, to tens from 10), Chinese numerals for small counts.</summary>
internal static class RoundedZh
{
    public static string Approx(int n)
    {
        var step = n >= 1000 ? 100 : n >= 10 ? 10 : 1;
        var floor = n / step * step;
        return floor.ToString(CultureInfo.InvariantCulture) + (floor < n ? "余" : "");
    }

    public static string Numeral(int n) => n is >= 0 and <= 10 ? "零一二三四五六七八九十"[n].ToString() : n.ToString(CultureInfo.InvariantCulture);
}
