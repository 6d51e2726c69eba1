namespace Platform.Linkage.Pools;

[GenerateSerializer, Immutable]
internal sealed record RegisterOrganisation([property: Id(0)] string Name, [property: Id(1)] string Status, [property: Id(2)] string[] Fields, [property: Id(3)] string? CommunityCode, [property: Id(4)] ContactPerson[] Contacts);

[GenerateSerializer, Immutable]
internal sealed record RegisterSocialWorker([property: Id(0)] string Name, [property: Id(1)] string Level, [property: Id(2)] string[] Skills, [property: Id(3)] Guid? OrganisationId, [property: Id(4)] bool Available, [property: Id(5)] string? Phone);

[GenerateSerializer, Immutable]
internal sealed record EstablishCentre([property: Id(0)] string Name, [property: Id(1)] string CommunityCode, [property: Id(2)] DateOnly On, [property: Id(3)] Guid[] StaffIds);

[GenerateSerializer, Immutable]
internal sealed record IncubateProject([property: Id(0)] Guid ProjectId, [property: Id(1)] string Name, [property: Id(2)] string CommunityCode, [property: Id(3)] Guid? OrganisationId, [property: Id(4)] int Year);
