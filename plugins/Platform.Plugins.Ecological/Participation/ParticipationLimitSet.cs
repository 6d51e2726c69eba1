namespace Platform.Plugins.Ecological.Participation;

/// <summary>An administrator set how many households one resident account may register (报名).</summary>
public sealed record ParticipationLimitSet(int HouseholdsPerResident);
