using JasperFx.Events;
using Marten.Events.Aggregation;
using Platform.Abstractions.Commands;

namespace Platform.Linkage.Trainings;

/// <summary>One session of a training: its date and how many attended.</summary>
[GenerateSerializer, Immutable]
public sealed record TrainingSession([property: Id(0)] DateOnly On, [property: Id(1)] int Attendance);

internal sealed record FundTrainingRecorded(string Topic, TrainingSession[] Sessions, int Attendees, string[] CommunityCodes, string[] CommunityNames);

/// <summary>A training on the use of the community funds: sessions, distinct attendees, person-times, communities covered.</summary>
internal sealed class FundTraining
{
    public Guid Id { get; set; }
    public string Topic { get; set; } = "";
    public List<TrainingSession> Sessions { get; set; } = [];
    public int Attendees { get; set; }
    public List<string> CommunityCodes { get; set; } = [];
    public List<string> CommunityNames { get; set; } = [];
    public int PersonTimes => Sessions.Sum(s => s.Attendance);
}

internal sealed class FundTrainingProjection : SingleStreamProjection<FundTraining, Guid>
{
    public FundTrainingProjection() => IncludeType<FundTrainingRecorded>();

    public override FundTraining Evolve(FundTraining? snapshot, Guid id, IEvent e) => e.Data is FundTrainingRecorded x
        ? new FundTraining { Id = id, Topic = x.Topic, Sessions = [.. x.Sessions], Attendees = x.Attendees, CommunityCodes = [.. x.CommunityCodes], CommunityNames = [.. x.CommunityNames] }
        : snapshot!;
}

[GenerateSerializer, Immutable]
internal sealed record RecordTraining([property: Id(0)] string Topic, [property: Id(1)] TrainingSession[] Sessions, [property: Id(2)] int Attendees, [property: Id(3)] string[] CommunityCodes);

/// <summary>The single writer of one training's stream.</summary>
internal interface IFundTrainingGrain : IGrainWithGuidKey
{
    Task<CommandResult> RecordAsync(RecordTraining command, CommandContext context);
}
