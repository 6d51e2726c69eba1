using Marten;
using Platform.Abstractions.Commands;

namespace Platform.Plugins.Sample.Notes;

internal sealed class NoteBoardGrain(IDocumentStore store) : Grain, INoteBoardGrain
{
    private long _version;

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        await using var query = store.QuerySession();
        var state = await query.Events.FetchStreamStateAsync(this.GetPrimaryKey(), cancellationToken);
        _version = state?.Version ?? 0;
    }

    public async Task<CommandResult> PostAsync(string text, CommandContext context)
    {
        if (string.IsNullOrWhiteSpace(text))
            return CommandResult.Refused(400, "text", "The note is empty.", "留言内容为空。");
        if (text.Length > NoteLimits.MaxLength)
            return CommandResult.Refused(400, "text", $"The note is longer than {NoteLimits.MaxLength} characters.", $"留言超过 {NoteLimits.MaxLength} 个字符。");

        await using var session = store.LightweightSession();
        session.AttributeTo(context);
        // Expected version: a concurrent writer elsewhere (there should be none) fails the save.
        session.Events.Append(this.GetPrimaryKey(), _version + 1, new NotePosted(text.Trim()));
        await session.SaveChangesAsync();
        _version++;
        return CommandResult.Ok(_version);
    }
}
