using Platform.Abstractions.Maps;

namespace Platform.Registers.Sites;

/// <summary>
/// The labels of the project sites' categories, so that maps, popups and printed legends never show a code. A site's
/// category is free text (imports bring their own); a code not listed here is shown as it was written.
/// </summary>
internal static class SiteCategories
{
    public static readonly IReadOnlyList<FieldValue> All =
    [
        new("housing", "住宅", "Housing"),
        new("commerce", "商业", "Commerce"),
        new("public_service", "公共服务", "Public service"),
        new("industry", "产业", "Industry"),
        new("ecology", "生态", "Ecology"),
        new("project", "项目", "Project"),
    ];

    /// <summary>The Chinese label of <paramref name="code"/>, or the code as written when it is not listed.</summary>
    public static string ZhOf(string code) => All.FirstOrDefault(c => c.Value == code)?.LabelZh ?? code;
}
