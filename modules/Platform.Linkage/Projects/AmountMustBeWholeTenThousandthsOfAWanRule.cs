using Platform.Abstractions.Commands;

namespace Platform.Linkage.Projects;

/// <summary>Amounts are in 万元, exact: positive, with at most four decimal places (one yuan).</summary>
internal static class AmountMustBeWholeTenThousandthsOfAWanRule
{
    public static Rejection? Check(decimal amount, string field) =>
        amount <= 0 ? new Rejection(400, field, $"{field} must be a positive amount in 10,000 yuan.", "金额（万元）须大于 0。")
        : decimal.Round(amount, 4) != amount ? new Rejection(400, field, $"{field} has more than four decimal places of 10,000 yuan.", "金额（万元）最多保留四位小数（精确到元）。")
        : null;
}
