using Platform.Abstractions.Commands;

namespace Platform.Campaigns.Passes;

[GenerateSerializer, Immutable]
public sealed record NamePassCategories([property: Id(0)] PassCategory[] Categories);

/// <summary>The single writer of the street's pass scheme.</summary>
public interface IPassSchemeGrain : IGrainWithGuidKey
{
    Task<CommandResult> NameAsync(NamePassCategories command, CommandContext context);
}
