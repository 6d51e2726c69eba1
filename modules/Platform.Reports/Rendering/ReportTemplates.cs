using Marten;
using Platform.Abstractions.Reports;
using Platform.Reports.Overrides;

namespace Platform.Reports.Rendering;

/// <summary>
/// The templates: the shipped reports (<c>annual</c>, <c>community</c>, <c>overview</c>, embedded in this assembly) and
/// the sections of modules and running plugins (named by section id), each with the override an administrator stored, if any.
/// </summary>
internal sealed class ReportTemplates(IDocumentStore store, IReportSectionCatalog sections)
{
    /// <summary>The reports shipped with the platform.</summary>
    public static readonly IReadOnlyList<string> Reports = ["annual", "community", "overview"];

    /// <summary>One template as it stands: its text, version (0 = shipped) and whether an override is in force.</summary>
    public sealed record Current(string Name, string Text, long Version, bool Overridden, string Shipped);

    public IReadOnlyList<string> Names => [.. Reports, .. sections.Active.Where(PrintsText).Select(s => s.Id).Where(id => !Reports.Contains(id))];

    /// <summary>Whether a section prints text of its own; one that only shares figures has no template to override.</summary>
    public static bool PrintsText(IReportSection section) => !string.IsNullOrWhiteSpace(section.Template);

    public bool Exists(string name) => Names.Contains(name);

    /// <summary>The shipped text of <paramref name="name"/>, or null for an unknown name.</summary>
    public string? ShippedText(string name)
    {
        if (Reports.Contains(name))
        {
            using var stream = typeof(ReportTemplates).Assembly.GetManifestResourceStream($"Platform.Reports.Templates.{name}.scriban")
                ?? throw new InvalidOperationException($"The shipped template {name} is missing from the assembly.");
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }
        return sections.Active.Where(PrintsText).FirstOrDefault(s => s.Id == name)?.Template;
    }

    /// <summary>The template in force, or null for an unknown name.</summary>
    public async Task<Current?> CurrentAsync(string name, CancellationToken ct)
    {
        if (ShippedText(name) is not { } shipped)
            return null;
        await using var session = store.QuerySession();
        var stored = await session.LoadAsync<ReportTemplateOverride>(ReportTemplateStreams.IdOf(name), ct);
        return new Current(name, stored?.Text ?? shipped, stored?.Version ?? 0, stored?.Text is not null, shipped);
    }
}
