using Platform.Abstractions.Commands;

namespace Platform.Registers.Sites;

/// <summary>The single writer of one site's stream (keyed by the site id).</summary>
internal interface ISiteGrain : IGrainWithGuidKey
{
    Task<CommandResult> RegisterAsync(RegisterSite command, CommandContext context);
    Task<CommandResult> ChangeStatusAsync(ChangeSiteStatus command, CommandContext context);
    Task<CommandResult> ReshapeAsync(ReshapeSite command, CommandContext context);
    Task<CommandResult> ReviseAsync(ReviseSite command, CommandContext context);
}
