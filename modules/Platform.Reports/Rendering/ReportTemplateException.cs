namespace Platform.Reports.Rendering;

/// <summary>A report template that does not parse or render: its name, the 1-based line and column, and Scriban's message.</summary>
internal sealed class ReportTemplateException(string template, int line, int column, string reason)
    : Exception($"Template '{template}' ({line},{column}): {reason}")
{
    public string Template { get; } = template;
    public int Line { get; } = line;
    public int Column { get; } = column;
    public string Reason { get; } = reason;
}
