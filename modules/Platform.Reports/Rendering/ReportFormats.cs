namespace Platform.Reports.Rendering;

/// <summary>The output formats: <c>docx</c>, <c>html</c>, <c>md</c>, with their media types.</summary>
internal static class ReportFormats
{
    public static readonly IReadOnlyList<string> All = ["docx", "html", "md"];

    public static bool IsKnown(string? format) => format is not null && All.Contains(format);

    /// <summary>The format named by a file's extension (<c>.docx</c>, <c>.html</c>/<c>.htm</c>, <c>.md</c>), or null.</summary>
    public static string? FromExtension(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".docx" => "docx",
        ".html" or ".htm" => "html",
        ".md" or ".markdown" => "md",
        _ => null,
    };

    public static string MediaType(string format) => format switch
    {
        "docx" => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "html" => "text/html; charset=utf-8",
        _ => "text/markdown; charset=utf-8",
    };

    public static byte[] Write(RenderedReport report, string format) => format switch
    {
        "docx" => DocxReportWriter.Write(report),
        "html" => HtmlReportWriter.Write(report),
        _ => MarkdownReportWriter.Write(report),
    };
}
