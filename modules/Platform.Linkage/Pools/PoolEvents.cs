using Platform.Abstractions.Security;

namespace Platform.Linkage.Pools;

/// <summary>A contact person of a social organisation.</summary>
[GenerateSerializer, Immutable]
public sealed record ContactPerson([property: Id(0), PersonalData] string Name, [property: Id(1), PersonalData] string Phone, [property: Id(2)] string? Role);

internal sealed record SocialOrganisationRegistered(string Name, string Status, string[] Fields, string? CommunityCode, string? CommunityName, ContactPerson[] Contacts);

internal sealed record SocialOrganisationStatusChanged(string Status, DateOnly On);

internal sealed record SocialWorkerRegistered(string Name, string Level, string[] Skills, Guid? OrganisationId, string? OrganisationName, bool Available, string? Phone);

internal sealed record SocialWorkerAvailabilityChanged(bool Available);

internal sealed record GuidanceCentreEstablished(string Name, string CommunityCode, string CommunityName, DateOnly On, Guid[] StaffIds);

internal sealed record BoutiqueProjectIncubated(Guid ProjectId, string Name, string CommunityCode, string CommunityName, Guid? OrganisationId, int Year);
