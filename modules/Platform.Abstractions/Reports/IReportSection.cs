namespace Platform.Abstractions.Reports;

/// <summary>
/// A section that a module or plugin contributes to the generated reports (the annual work summary,
/// the community reports). The report engine renders <see cref="Template"/> (Scriban) with the object
/// from <see cref="DataAsync"/> as <c>section</c> and the report's shared model as <c>report</c>.
/// Register with <c>services.AddSingleton&lt;IReportSection, MySection&gt;()</c>; a plugin's sections are
/// left out while the plugin is not running.
/// </summary>
public interface IReportSection
{
    /// <summary>Stable id, e.g. <c>ecological</c>; also the name under which administrators override the template.</summary>
    string Id { get; }

    string TitleZh { get; }

    string TitleEn { get; }

    /// <summary>Where the section goes among the others, lower first.</summary>
    int Order { get; }

    /// <summary>The Scriban template of the section (Markdown-flavoured text: headings with #, tables with |).</summary>
    string Template { get; }

    /// <summary>The figures of the period; every number the template prints must come from here.</summary>
    Task<object> DataAsync(ReportPeriod period, CancellationToken ct = default);
}

/// <summary>The period a report covers, and the community it is restricted to (null for the whole street).</summary>
public sealed record ReportPeriod(DateOnly From, DateOnly To, string? CommunityCode);

/// <summary>The report sections of the modules and of the running plugins, in order; implemented by the host.</summary>
public interface IReportSectionCatalog
{
    IReadOnlyList<IReportSection> Active { get; }
}
