using Platform.Abstractions.Security;

namespace Platform.Linkage.Pools;

/// <summary>A contact person of an organisation as staff read it.</summary>
public sealed record ContactDto([property: PersonalData] string Name, [property: PersonalData] string Phone, string? Role);

/// <summary>A social organisation of the pool.</summary>
public sealed record OrganisationDto(Guid Id, string Name, string Status, string StatusZh, IReadOnlyList<string> Fields, string? CommunityCode, string? CommunityName, IReadOnlyList<ContactDto> Contacts);

/// <summary>A social worker of the 社工人才库.</summary>
public sealed record SocialWorkerDto(Guid Id, [property: PersonalData] string Name, string Level, string LevelZh, IReadOnlyList<string> Skills, Guid? OrganisationId, string? OrganisationName,
    bool Available, [property: PersonalData] string? Phone);

/// <summary>A 精品项目 incubated by the centre.</summary>
public sealed record IncubatedProjectDto(Guid ProjectId, string Name, string CommunityCode, string CommunityName, Guid? OrganisationId, int Year);

/// <summary>The 三社联动指导中心 with its staff and the projects it incubated.</summary>
public sealed record CentreDto(Guid Id, string Name, string CommunityCode, string CommunityName, DateOnly EstablishedOn, IReadOnlyList<Guid> StaffIds, IReadOnlyList<IncubatedProjectDto> Incubated);
