using Platform.Abstractions.Commands;

namespace Platform.Plugins.Sample.Notes;

/// <summary>
/// The single writer of a note board's stream. It only decides — the SDK's <see cref="EventWriter"/> loads the
/// board, appends with the caller's attribution and guards against a concurrent writer.
/// </summary>
// A namespaced grain type: Orleans would otherwise name it after the class, which another plugin may share.
[GrainType("sample.note_board")]
internal sealed class NoteBoardGrain(EventWriter writer) : Grain, INoteBoardGrain
{
    public Task<CommandResult> PostAsync(string text, CommandContext context) =>
        writer.WriteAsync<NoteBoard>(this.GetPrimaryKey(), context, _ =>
            NoteMustFitTheBoardRule.Check(text) ?? Outcome.Append(new NotePosted(text.Trim())), WriteAccess.Participation);
}
