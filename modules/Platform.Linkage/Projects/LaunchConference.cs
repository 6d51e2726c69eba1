using JasperFx.Events;
using Marten.Events.Aggregation;
using Platform.Abstractions.Commands;

namespace Platform.Linkage.Projects;

internal sealed record LaunchConferenceHeld(string Name, int Year, DateOnly On, Guid[] ProjectIds);

/// <summary>A 项目发布会: the projects it published; their total is computed from the projects.</summary>
internal sealed class LaunchConference
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public int Year { get; set; }
    public DateOnly On { get; set; }
    public List<Guid> ProjectIds { get; set; } = [];
}

internal sealed class LaunchConferenceProjection : SingleStreamProjection<LaunchConference, Guid>
{
    public LaunchConferenceProjection() => IncludeType<LaunchConferenceHeld>();

    public override LaunchConference Evolve(LaunchConference? snapshot, Guid id, IEvent e) => e.Data is LaunchConferenceHeld x
        ? new LaunchConference { Id = id, Name = x.Name, Year = x.Year, On = x.On, ProjectIds = [.. x.ProjectIds] }
        : snapshot!;
}

[GenerateSerializer, Immutable]
internal sealed record HoldLaunchConference([property: Id(0)] string Name, [property: Id(1)] int Year, [property: Id(2)] DateOnly On, [property: Id(3)] Guid[] ProjectIds);

/// <summary>The single writer of one launch conference's stream.</summary>
internal interface ILaunchConferenceGrain : IGrainWithGuidKey
{
    Task<CommandResult> HoldAsync(HoldLaunchConference command, CommandContext context);
}
