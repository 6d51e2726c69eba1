namespace Platform.Linkage.Trainings;

/// <summary>One session of a training as answered.</summary>
public sealed record TrainingSessionDto(DateOnly On, int Attendance);

/// <summary>A training on fund use: sessions, distinct attendees, person-times (sum of attendance), communities covered.</summary>
public sealed record FundTrainingDto(Guid Id, string Topic, IReadOnlyList<TrainingSessionDto> Sessions, int Attendees, int PersonTimes,
    IReadOnlyList<string> CommunityCodes, IReadOnlyList<string> CommunityNames);
