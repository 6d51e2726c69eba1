using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Platform.Abstractions.Commands;

namespace Platform.Plugins.Vitality.Venues;

/// <summary>
/// Reads an ISO-8601 date-time that names its offset (<c>2026-12-10T09:00:00+08:00</c>, or <c>Z</c>): a time without one
/// could be read in the server's zone or the phone's, and a booking must mean one instant.
/// </summary>
internal static partial class IsoInstant
{
    public static (DateTimeOffset Value, IResult? Problem) Parse(string? text, string field, string zhName)
    {
        if (string.IsNullOrWhiteSpace(text))
            return (default, Platform.Abstractions.Http.RequestBody.Missing(field, zhName));
        if (!Shape().IsMatch(text))
            return (default, ProblemResults.Problem(400, field,
                $"'{field}' must be an ISO-8601 date-time with its offset, e.g. 2026-12-10T09:00:00+08:00; a time without an offset (or Z) is ambiguous.",
                $"“{zhName}”须为带时区偏移的 ISO-8601 时间，例如 2026-12-10T09:00:00+08:00；不带时区的时间含义不明。"));
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value)
            ? (value, null)
            : (default, ProblemResults.Problem(400, field, $"'{field}' is not a valid date-time.", $"“{zhName}”不是有效的时间。"));
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
