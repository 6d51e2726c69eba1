namespace Platform.Reports.Overrides;

// Facts about one report template's overrides, on a stream per template name. The shipped text is version 0 and never stored.

/// <summary>An administrator uploaded a new text for the template.</summary>
internal sealed record ReportTemplateRevised(string Name, string Text);

/// <summary>The template went back to the text of <paramref name="ToVersion"/>; a null <paramref name="Text"/> is the shipped one (version 0).</summary>
internal sealed record ReportTemplateReverted(string Name, long ToVersion, string? Text);
