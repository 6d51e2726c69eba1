using JasperFx.Events;
using Marten.Events.Aggregation;
using Platform.Abstractions.Commands;

namespace Platform.Linkage.Situation;

internal sealed record SituationReportIssued(string Kind, string Title, string? CommunityCode, string? CommunityName, DateOnly On);

/// <summary>A 社区情况报告 issued: the street's overall report, or one community's (village's) report.</summary>
internal sealed class SituationReport
{
    public const string Overall = "overall";
    public const string Community = "community";

    public Guid Id { get; set; }
    public string Kind { get; set; } = "";
    public string Title { get; set; } = "";
    public string? CommunityCode { get; set; }
    public string? CommunityName { get; set; }
    public DateOnly IssuedOn { get; set; }
}

internal sealed class SituationReportProjection : SingleStreamProjection<SituationReport, Guid>
{
    public SituationReportProjection() => IncludeType<SituationReportIssued>();

    public override SituationReport Evolve(SituationReport? snapshot, Guid id, IEvent e) => e.Data is SituationReportIssued x
        ? new SituationReport { Id = id, Kind = x.Kind, Title = x.Title, CommunityCode = x.CommunityCode, CommunityName = x.CommunityName, IssuedOn = x.On }
        : snapshot!;
}

[GenerateSerializer, Immutable]
internal sealed record IssueSituationReport([property: Id(0)] string Kind, [property: Id(1)] string Title, [property: Id(2)] string? CommunityCode, [property: Id(3)] DateOnly On);

/// <summary>The single writer of one issued report's record.</summary>
internal interface ISituationReportGrain : IGrainWithGuidKey
{
    Task<CommandResult> IssueAsync(IssueSituationReport command, CommandContext context);
}
