using Platform.Abstractions.Security;

namespace Platform.Linkage.Supervision;

/// <summary>A member of a supervision team as staff read it, with the side they come from in Chinese.</summary>
public sealed record TeamMemberDto([property: PersonalData] string Name, string Role, string RoleZh);

/// <summary>A supervision team (项目督导小组) of a year.</summary>
public sealed record SupervisionTeamDto(Guid Id, int Year, string Name, DateOnly FormedOn, IReadOnlyList<TeamMemberDto> Members);
