namespace Platform.Abstractions.Reports;

/// <summary>
/// A section that a module or plugin contributes to the generated reports (the annual work summary,
/// the community reports). The report engine renders <see cref="Template"/> (Scriban) with the object
/// from <see cref="DataAsync"/> as <c>section</c> and the report's shared model as <c>report</c>.
/// Register with <c>services.AddSingleton&lt;IReportSection, MySection&gt;()</c>; a plugin's sections are
/// left out while the plugin is not running.
/// </summary>
/// <remarks>
/// This is also how the platform's own modules put their figures into the reports: a section with
/// <see cref="SharesFigures"/> adds the members of its data to <c>report</c> (the registers give
/// <c>report.housing</c>, the jurisdiction <c>report.restructuring</c>), and a section whose
/// <see cref="Template"/> is empty prints no text of its own.
/// </remarks>
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

    /// <summary>
    /// True when each public property of the object from <see cref="DataAsync"/> becomes a member of the shared model
    /// that every template reads, named in snake_case (<c>Restructuring</c> → <c>report.restructuring</c>). Two sections
    /// sharing one name stop the report. False by default: the data is then seen by this section's template only. Since SDK 1.3.
    /// </summary>
    bool SharesFigures => false;
}

/// <summary>The period a report covers, and the community it is restricted to (null for the whole street).</summary>
public sealed record ReportPeriod(DateOnly From, DateOnly To, string? CommunityCode)
{
    /// <summary>The date registers are read on: <see cref="To"/>, or today for a period not yet over. Since SDK 1.3.</summary>
    public DateOnly AsOf => To < DateOnly.FromDateTime(DateTime.Today) ? To : DateOnly.FromDateTime(DateTime.Today);
}

/// <summary>The report sections of the modules and of the running plugins, in order; implemented by the host.</summary>
public interface IReportSectionCatalog
{
    IReadOnlyList<IReportSection> Active { get; }
}
