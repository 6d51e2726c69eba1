using Platform.Abstractions.Commands;

namespace Platform.Plugins.Smart.Profiles;

/// <summary>The single writer of a device profile.</summary>
public interface IProfileGrain : IGrainWithGuidKey
{
    Task<CommandResult> CreateAsync(string name, string? description, int offlineAfterSeconds, AlarmRule[] rules, CommandContext context);

    Task<CommandResult> ChangeRulesAsync(int offlineAfterSeconds, AlarmRule[] rules, CommandContext context);
}
