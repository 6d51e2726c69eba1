using Marten;
using Platform.Abstractions.Commands;

namespace Platform.Reports.Overrides;

[GrainType("reports.template")]
internal sealed class ReportTemplateGrain(EventWriter writer, IDocumentStore store) : Grain, IReportTemplateGrain
{
    private Guid StreamId => ReportTemplateStreams.IdOf(this.GetPrimaryKeyString());

    public Task<CommandResult> ReviseAsync(string text, CommandContext context) =>
        writer.WriteAsync<ReportTemplateOverride>(StreamId, context, _ =>
            string.IsNullOrWhiteSpace(text)
                ? Outcome.Refuse(400, "template", "The template text is empty.", "模板内容为空。")
                : Outcome.Append(new ReportTemplateRevised(this.GetPrimaryKeyString(), text)));

    public Task<CommandResult> RevertAsync(long version, CommandContext context) =>
        writer.WriteAsync<ReportTemplateOverride>(StreamId, context, async current =>
        {
            if (version < 0 || version > (current?.Version ?? 0))
                return Outcome.Refuse(404, "version", $"There is no version {version}; the template is at version {current?.Version ?? 0}.", $"没有第{version}版。");
            return Outcome.Append(new ReportTemplateReverted(this.GetPrimaryKeyString(), version, version == 0 ? null : await TextOfAsync(version)));
        });

    private async Task<string?> TextOfAsync(long version)
    {
        await using var query = store.QuerySession();
        var events = await query.Events.FetchStreamAsync(StreamId, version);
        return events[^1].Data switch
        {
            ReportTemplateRevised r => r.Text,
            ReportTemplateReverted r => r.Text,
            _ => null,
        };
    }
}
