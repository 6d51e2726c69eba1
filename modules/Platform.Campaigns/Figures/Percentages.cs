using System.Globalization;

namespace Platform.Campaigns.Figures;

/// <summary>Shares as the summary prints them: "100%", "87.5%" (at most two decimals, no trailing zeros).</summary>
internal static class Percentages
{
    public static string Of(double share) => (share * 100).ToString("0.##", CultureInfo.InvariantCulture) + "%";
}
