using Microsoft.Extensions.DependencyInjection;
using Platform.Abstractions.Cli;
using Platform.Reports.Http;
using Platform.Reports.Model;
using Platform.Reports.Rendering;

namespace Platform.Reports.Cli;

/// <summary>
/// <c>report annual|overview [--year YYYY] --out FILE</c> and <c>report community CODE [--year YYYY] --out FILE</c>: the format
/// follows the file's extension (.docx, .html, .md) unless <c>--format</c> names it. A template error prints the template,
/// line and column and writes nothing (exit code 3).
/// </summary>
internal sealed class ReportVerb : ICliVerb
{
    public string Name => "report";

    public string Usage => "report annual|overview [--year YYYY] [--as-of YYYY-MM-DD] --out FILE.docx|.html|.md   ·   report community CODE [--year YYYY] [--as-of YYYY-MM-DD] --out FILE";

    public async Task<int> RunAsync(IReadOnlyList<string> args, IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        if (args.Count == 0 || args[0] is not ("annual" or "overview" or "community"))
            return Fail(output, "Usage: " + Usage);
        var kind = args[0];
        string? community = null;
        if (kind == "community")
        {
            if (args.Count < 2 || args[1].StartsWith("--", StringComparison.Ordinal))
                return Fail(output, "report community needs the community's code, e.g. report community XL-LJD --out ljd.docx");
            community = args[1];
        }
        if (ReportEndpoints.ParseAsOf(Option(args, "--as-of"), Option(args, "--year")) is { Problem: { } refused })
            return Fail(output, "--as-of: " + refused.En);
        var asOf = ReportEndpoints.ParseAsOf(Option(args, "--as-of"), Option(args, "--year")).Date;
        if ((Option(args, "--year") is null && asOf is { } d ? d.Year : ReportEndpoints.ParseYear(Option(args, "--year"))) is not { } year)
            return Fail(output, "--year must be a year between 2000 and 2100.");
        if (year > DateTime.Today.Year)
            return Fail(output, $"--year {year} has not begun: there are no records to report yet.");
        if (Option(args, "--out") is not { } path)
            return Fail(output, "--out FILE is required; its extension (.docx, .html, .md) chooses the format.");
        var format = Option(args, "--format")?.ToLowerInvariant() ?? ReportFormats.FromExtension(path);
        if (!ReportFormats.IsKnown(format))
            return Fail(output, "The format follows --out's extension (.docx, .html, .md) or --format docx|html|md.");

        try
        {
            var report = await services.GetRequiredService<ReportEngine>().RenderAsync(new ReportRequest(kind, year, community, asOf), null, null, ct);
            var bytes = ReportFormats.Write(report, format!);
            await File.WriteAllBytesAsync(path, bytes, ct);
            output.WriteLine($"{report.Title}: {Path.GetFullPath(path)} ({bytes.Length:N0} bytes, {report.Missing.Count} missing figures listed in the appendix)");
            return 0;
        }
        catch (ReportTemplateException e)
        {
            output.WriteLine($"Template error in '{e.Template}' at line {e.Line}, column {e.Column}: {e.Reason}. No report was written.");
            return 3;
        }
        catch (UnknownCommunityException e)
        {
            output.WriteLine(e.Message);
            return 2;
        }
    }

    private static int Fail(TextWriter output, string message)
    {
        output.WriteLine(message);
        return 2;
    }

    private static string? Option(IReadOnlyList<string> args, string option)
    {
        for (var i = 0; i < args.Count - 1; i++)
        {
            if (args[i] == option)
                return args[i + 1];
        }
        return null;
    }
}
