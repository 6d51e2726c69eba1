using Platform.Abstractions.Commands;

namespace Platform.Plugins.Sample.Notes;

/// <summary>A note has text, at most <see cref="NoteLimits.MaxLength"/> characters of it.</summary>
internal static class NoteMustFitTheBoardRule
{
    public static Outcome? Check(string text) =>
        string.IsNullOrWhiteSpace(text) ? Outcome.Refuse(400, "text", "The note is empty.", "留言内容为空。")
        : text.Trim().Length > NoteLimits.MaxLength ? Outcome.Refuse(400, "text", $"The note is longer than {NoteLimits.MaxLength} characters.", $"留言超过 {NoteLimits.MaxLength} 个字符。")
        : null;
}
