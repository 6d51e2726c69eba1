using Platform.Abstractions.Commands;

namespace Platform.Linkage.Projects;

/// <summary>The single writer of one category of the list; its key is derived from the name, so a name is listed once.</summary>
internal interface IProjectCategoryGrain : IGrainWithGuidKey
{
    Task<CommandResult> AddAsync(string name, int order, CommandContext context);
    Task<CommandResult> RetireAsync(string reason, CommandContext context);
}
