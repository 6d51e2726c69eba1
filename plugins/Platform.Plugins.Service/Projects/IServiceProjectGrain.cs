using Platform.Abstractions.Commands;

namespace Platform.Plugins.Service.Projects;

/// <summary>The single writer of one service project's stream.</summary>
public interface IServiceProjectGrain : IGrainWithGuidKey
{
    Task<CommandResult> RegisterAsync(RegisterServiceProject command, CommandContext context);
    Task<CommandResult> ChangeStatusAsync(string to, DateOnly date, CommandContext context);
}
