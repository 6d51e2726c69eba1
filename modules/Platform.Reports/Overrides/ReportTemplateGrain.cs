using Marten;
using Platform.Abstractions.Commands;

namespace Platform.Reports.Overrides;

internal sealed class ReportTemplateGrain(IDocumentStore store) : Grain, IReportTemplateGrain
{
    private ReportTemplateOverride? _current;

    private Guid StreamId => ReportTemplateStreams.IdOf(this.GetPrimaryKeyString());

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await using var query = store.QuerySession();
        _current = await query.LoadAsync<ReportTemplateOverride>(StreamId, cancellationToken);
    }

    public Task<CommandResult> ReviseAsync(string text, CommandContext context) =>
        string.IsNullOrWhiteSpace(text)
            ? Task.FromResult(CommandResult.Refused(400, "template", "The template text is empty.", "模板内容为空。"))
            : AppendAsync(context, new ReportTemplateRevised(this.GetPrimaryKeyString(), text));

    public async Task<CommandResult> RevertAsync(long version, CommandContext context)
    {
        if (version < 0 || version > (_current?.Version ?? 0))
            return CommandResult.Refused(404, "version", $"There is no version {version}; the template is at version {_current?.Version ?? 0}.", $"没有第{version}版。");
        string? text = null;
        if (version > 0)
        {
            await using var query = store.QuerySession();
            var events = await query.Events.FetchStreamAsync(StreamId, version);
            text = events[^1].Data switch
            {
                ReportTemplateRevised r => r.Text,
                ReportTemplateReverted r => r.Text,
                _ => null,
            };
        }
        return await AppendAsync(context, new ReportTemplateReverted(this.GetPrimaryKeyString(), version, text));
    }

    private async Task<CommandResult> AppendAsync(CommandContext context, object e)
    {
        await using var session = store.LightweightSession();
        session.AttributeTo(context);
        if (_current is null)
            session.Events.StartStream<ReportTemplateOverride>(StreamId, e);
        else
            session.Events.Append(StreamId, _current.Version + 1, e);
        await session.SaveChangesAsync();
        _current = await session.LoadAsync<ReportTemplateOverride>(StreamId);
        return CommandResult.Ok(_current!.Version);
    }
}
