using JasperFx.Events;
using Marten.Events.Aggregation;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Security;

namespace Platform.Linkage.Supervision;

/// <summary>A member of the supervision team and the side they come from.</summary>
[GenerateSerializer, Immutable]
public sealed record TeamMember([property: Id(0), PersonalData] string Name, [property: Id(1)] string Role);

internal sealed record SupervisionTeamFormed(int Year, string Name, TeamMember[] Members, DateOnly On);

/// <summary>The 项目督导小组 of a year: street office staff, centre staff, a financial expert, social workers.</summary>
internal sealed class SupervisionTeam
{
    public Guid Id { get; set; }
    public int Year { get; set; }
    public string Name { get; set; } = "";
    public List<TeamMember> Members { get; set; } = [];
    public DateOnly FormedOn { get; set; }

    public static readonly IReadOnlyDictionary<string, string> Roles = new Dictionary<string, string>
    {
        ["street_office"] = "街道社区发展办工作人员",
        ["centre"] = "三社联动指导中心工作人员",
        ["finance"] = "财务(会计)专家",
        ["social_worker"] = "社工人员",
    };
}

internal sealed class SupervisionTeamProjection : SingleStreamProjection<SupervisionTeam, Guid>
{
    public SupervisionTeamProjection() => IncludeType<SupervisionTeamFormed>();

    public override SupervisionTeam Evolve(SupervisionTeam? snapshot, Guid id, IEvent e) => e.Data is SupervisionTeamFormed x
        ? new SupervisionTeam { Id = id, Year = x.Year, Name = x.Name, Members = [.. x.Members], FormedOn = x.On }
        : snapshot!;
}

[GenerateSerializer, Immutable]
internal sealed record FormTeam([property: Id(0)] int Year, [property: Id(1)] string Name, [property: Id(2)] TeamMember[] Members, [property: Id(3)] DateOnly On);

/// <summary>The single writer of one supervision team's stream.</summary>
internal interface ISupervisionTeamGrain : IGrainWithGuidKey
{
    Task<CommandResult> FormAsync(FormTeam command, CommandContext context);
}
