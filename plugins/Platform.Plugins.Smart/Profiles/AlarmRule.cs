namespace Platform.Plugins.Smart.Profiles;

/// <summary>
/// An alarm rule of a device profile, as ThingsBoard's: <c>threshold</c> — the key's value compared with
/// <see cref="Threshold"/> by <see cref="Operator"/> (gt, ge, lt, le, eq, ne), raised once the condition has held for
/// <see cref="DurationSeconds"/> (0: at once) and on at least <see cref="RepeatCount"/> consecutive readings (0 or 1: the
/// first), cleared when a reading no longer meets it; <c>inactivity</c> — raised when the device sends nothing for
/// <see cref="DurationSeconds"/>, cleared by its next message.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record AlarmRule(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string Kind,
    [property: Id(3)] string? Key,
    [property: Id(4)] string? Operator,
    [property: Id(5)] double? Threshold,
    [property: Id(6)] int DurationSeconds,
    [property: Id(7)] int RepeatCount,
    [property: Id(8)] string Severity);

/// <summary>The rule kinds, comparison operators and alarm severities (ThingsBoard's five).</summary>
public static class AlarmRules
{
    public const string Threshold = "threshold";
    public const string Inactivity = "inactivity";

    public static readonly IReadOnlyList<string> Kinds = [Threshold, Inactivity];

    public static readonly IReadOnlyList<(string Code, string Symbol)> Operators = [("gt", ">"), ("ge", "≥"), ("lt", "<"), ("le", "≤"), ("eq", "="), ("ne", "≠")];

    public static readonly IReadOnlyList<(string Code, string NameZh, string NameEn, string Color)> Severities =
    [
        ("critical", "严重", "Critical", "#b71c1c"),
        ("major", "重要", "Major", "#e65100"),
        ("minor", "次要", "Minor", "#f9a825"),
        ("warning", "警告", "Warning", "#fbc02d"),
        ("indeterminate", "不确定", "Indeterminate", "#757575"),
    ];

    public static bool Holds(string op, double value, double threshold) => op switch
    {
        "gt" => value > threshold,
        "ge" => value >= threshold,
        "lt" => value < threshold,
        "le" => value <= threshold,
        "eq" => value == threshold,
        "ne" => value != threshold,
        _ => false,
    };

    public static int Rank(string severity) => Severities.Select(s => s.Code).ToList().IndexOf(severity) is var i and >= 0 ? i : Severities.Count;

    /// <summary>The first thing wrong with a rule, as (field, English, Chinese), or null.</summary>
    public static (string Field, string En, string Zh)? Check(AlarmRule r, string field)
    {
        if (string.IsNullOrWhiteSpace(r.Id) || r.Id.Length > 40 || !r.Id.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
            return ($"{field}.id", "A rule needs an id of up to 40 letters, digits, dashes or underscores.", "规则编号须为不超过 40 个字母、数字、连字符或下划线。");
        if (string.IsNullOrWhiteSpace(r.Name) || r.Name.Length > 100)
            return ($"{field}.name", "A rule needs a name of up to 100 characters.", "规则名称不能为空且不超过 100 个字符。");
        if (!Kinds.Contains(r.Kind))
            return ($"{field}.kind", $"Unknown rule kind '{r.Kind}'; one of threshold, inactivity.", "规则类型无效，可选：threshold（阈值）、inactivity（无上报）。");
        if (!Severities.Any(s => s.Code == r.Severity))
            return ($"{field}.severity", $"Unknown severity '{r.Severity}'; one of {string.Join(", ", Severities.Select(s => s.Code))}.", "告警级别无效。");
        if (r.DurationSeconds is < 0 or > 86_400)
            return ($"{field}.durationSeconds", "The duration lies between 0 and 86400 seconds.", "持续时间须在 0 至 86400 秒之间。");
        if (r.RepeatCount is < 0 or > 10_000)
            return ($"{field}.repeatCount", "The repeat count lies between 0 and 10000.", "重复次数须在 0 至 10000 之间。");
        if (r.Kind == Inactivity)
            return r.DurationSeconds < 1 ? ($"{field}.durationSeconds", "An inactivity rule needs a duration of at least 1 second.", "无上报规则的持续时间至少 1 秒。") : null;
        if (string.IsNullOrWhiteSpace(r.Key) || r.Key.Length > 64)
            return ($"{field}.key", "A threshold rule needs the telemetry key (up to 64 characters).", "阈值规则须指定遥测键（不超过 64 个字符）。");
        if (!Operators.Any(o => o.Code == r.Operator))
            return ($"{field}.operator", $"Unknown operator '{r.Operator}'; one of gt, ge, lt, le, eq, ne.", "比较方式无效，可选：gt、ge、lt、le、eq、ne。");
        if (r.Threshold is not { } t || !double.IsFinite(t))
            return ($"{field}.threshold", "A threshold rule needs a finite threshold.", "阈值规则须指定有效的阈值。");
        return null;
    }
}
