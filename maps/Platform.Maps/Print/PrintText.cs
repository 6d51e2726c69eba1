using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Platform.Abstractions.Commands;

namespace Platform.Maps.Print;

/// <summary>The <c>title</c> and <c>subtitle</c> of a printed map: trimmed, one line, within a length that still prints legibly.</summary>
internal static class PrintText
{
    public const int MaxTitle = 40;
    public const int MaxSubtitle = 80;

    /// <summary>A problem naming <paramref name="field"/> when the text is too long or has control characters; null when it is acceptable or absent.</summary>
    public static IResult? Check(StringValues value, string field, string nameZh, int max)
    {
        if (value.Count > 1)
            return ProblemResults.Problem(400, field, $"Give {field} once.", $"{nameZh}只能给一次。");
        if (Clean(value) is not { } text)
            return null;
        if (text.Any(char.IsControl))
            return ProblemResults.Problem(400, field, $"{field} must be one line without control characters.", $"{nameZh}须为单行文字，不能含控制字符。");
        var length = new System.Globalization.StringInfo(text).LengthInTextElements;
        return length > max
            ? ProblemResults.Problem(400, field, $"{field} is {length} characters long; at most {max} fit the page.", $"{nameZh}长 {length} 个字符，页面最多容纳 {max} 个。")
            : null;
    }

    /// <summary>The trimmed text, or null when none was given (the preset's default applies).</summary>
    public static string? Clean(StringValues value) => value.FirstOrDefault()?.Trim() is { Length: > 0 } text ? text : null;
}
