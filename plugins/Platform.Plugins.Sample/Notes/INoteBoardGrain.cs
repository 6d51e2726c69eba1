using Platform.Abstractions.Commands;

namespace Platform.Plugins.Sample.Notes;

/// <summary>The single writer of a note board's event stream.</summary>
public interface INoteBoardGrain : IGrainWithGuidKey
{
    Task<CommandResult> PostAsync(string text, CommandContext context);
}
