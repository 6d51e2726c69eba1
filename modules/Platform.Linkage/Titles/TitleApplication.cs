using JasperFx.Events;
using Marten.Events.Aggregation;
using Platform.Abstractions.Commands;

namespace Platform.Linkage.Titles;

internal sealed record TitleApplied(string Title, string ApplicantUnit, int Year, DateOnly On);

internal sealed record TitleStageReached(string Stage, DateOnly On, string VisitingBody, string? Note);

/// <summary>An application for a demonstration title (双示范) through 申报 → 预检 → 互促互评 → 命名.</summary>
internal sealed class TitleApplication
{
    public Guid Id { get; set; }
    public string Title { get; set; } = "";
    public string ApplicantUnit { get; set; } = "";
    public int Year { get; set; }
    public DateOnly AppliedOn { get; set; }
    public List<TitleStageReached> Visits { get; set; } = [];
    public string Stage => Visits.Count == 0 ? "applied" : Visits[^1].Stage;

    public static readonly IReadOnlyList<(string Code, string Zh)> Stages =
        [("applied", "申报"), ("precheck", "预检"), ("mutual_evaluation", "互促互评"), ("named", "命名")];
}

internal sealed class TitleApplicationProjection : SingleStreamProjection<TitleApplication, Guid>
{
    public TitleApplicationProjection()
    {
        IncludeType<TitleApplied>();
        IncludeType<TitleStageReached>();
    }

    public override TitleApplication Evolve(TitleApplication? snapshot, Guid id, IEvent e)
    {
        switch (e.Data)
        {
            case TitleApplied x:
                return new TitleApplication { Id = id, Title = x.Title, ApplicantUnit = x.ApplicantUnit, Year = x.Year, AppliedOn = x.On };
            case TitleStageReached x when snapshot is not null:
                snapshot.Visits.Add(x);
                return snapshot;
            default:
                return snapshot!;
        }
    }
}

[GenerateSerializer, Immutable]
internal sealed record ApplyForTitle([property: Id(0)] string Title, [property: Id(1)] string ApplicantUnit, [property: Id(2)] int Year, [property: Id(3)] DateOnly On);

[GenerateSerializer, Immutable]
internal sealed record RecordTitleVisit([property: Id(0)] string Stage, [property: Id(1)] DateOnly On, [property: Id(2)] string VisitingBody, [property: Id(3)] string? Note);

/// <summary>The single writer of one title application's stream.</summary>
internal interface ITitleApplicationGrain : IGrainWithGuidKey
{
    Task<CommandResult> ApplyAsync(ApplyForTitle command, CommandContext context);
    Task<CommandResult> RecordVisitAsync(RecordTitleVisit command, CommandContext context);
}
