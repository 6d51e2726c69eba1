using System.Security.Cryptography;
using System.Text;
using Platform.Abstractions.Commands;

namespace Platform.Reports.Overrides;

/// <summary>The single writer of one template's override stream; keyed by the template name.</summary>
internal interface IReportTemplateGrain : IGrainWithStringKey
{
    /// <summary>Stores <paramref name="text"/> as the template's new version (already checked to parse and render).</summary>
    Task<CommandResult> ReviseAsync(string text, CommandContext context);

    /// <summary>Goes back to the text of <paramref name="version"/>; 0 is the shipped text.</summary>
    Task<CommandResult> RevertAsync(long version, CommandContext context);
}

/// <summary>The stream of a template's overrides: a name-based id, so that a name needs no lookup.</summary>
internal static class ReportTemplateStreams
{
    public static Guid IdOf(string name) =>
        new(SHA256.HashData(Encoding.UTF8.GetBytes("report-template:" + name)).AsSpan(0, 16));
}
