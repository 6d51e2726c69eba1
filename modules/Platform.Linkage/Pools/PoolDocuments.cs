using JasperFx.Events;
using Marten.Events.Aggregation;
using Platform.Abstractions.Security;

namespace Platform.Linkage.Pools;

/// <summary>A social organisation of the pool: registered or incubated by the centre.</summary>
internal sealed class SocialOrganisation
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string Status { get; set; } = "";
    public List<string> Fields { get; set; } = [];
    public string? CommunityCode { get; set; }
    public string? CommunityName { get; set; }
    public List<ContactPerson> Contacts { get; set; } = [];
}

/// <summary>A social worker of the 社工人才库.</summary>
internal sealed class SocialWorker
{
    public Guid Id { get; set; }
    [PersonalData] public string Name { get; set; } = "";
    public string Level { get; set; } = "";
    public List<string> Skills { get; set; } = [];
    public Guid? OrganisationId { get; set; }
    public string? OrganisationName { get; set; }
    public bool Available { get; set; }
    [PersonalData] public string? Phone { get; set; }
}

/// <summary>The 三社联动指导中心: where it is, its staff, the 精品项目 it incubates.</summary>
internal sealed class GuidanceCentre
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string CommunityCode { get; set; } = "";
    public string CommunityName { get; set; } = "";
    public DateOnly EstablishedOn { get; set; }
    public List<Guid> StaffIds { get; set; } = [];
    public List<BoutiqueProjectIncubated> Incubated { get; set; } = [];
}

internal sealed class SocialOrganisationProjection : SingleStreamProjection<SocialOrganisation, Guid>
{
    public SocialOrganisationProjection()
    {
        IncludeType<SocialOrganisationRegistered>();
        IncludeType<SocialOrganisationStatusChanged>();
    }

    public override SocialOrganisation Evolve(SocialOrganisation? snapshot, Guid id, IEvent e)
    {
        switch (e.Data)
        {
            case SocialOrganisationRegistered x:
                return new SocialOrganisation { Id = id, Name = x.Name, Status = x.Status, Fields = [.. x.Fields], CommunityCode = x.CommunityCode, CommunityName = x.CommunityName, Contacts = [.. x.Contacts] };
            case SocialOrganisationStatusChanged x when snapshot is not null:
                snapshot.Status = x.Status;
                return snapshot;
            default:
                return snapshot!;
        }
    }
}

internal sealed class SocialWorkerProjection : SingleStreamProjection<SocialWorker, Guid>
{
    public SocialWorkerProjection()
    {
        IncludeType<SocialWorkerRegistered>();
        IncludeType<SocialWorkerAvailabilityChanged>();
    }

    public override SocialWorker Evolve(SocialWorker? snapshot, Guid id, IEvent e)
    {
        switch (e.Data)
        {
            case SocialWorkerRegistered x:
                return new SocialWorker { Id = id, Name = x.Name, Level = x.Level, Skills = [.. x.Skills], OrganisationId = x.OrganisationId, OrganisationName = x.OrganisationName, Available = x.Available, Phone = x.Phone };
            case SocialWorkerAvailabilityChanged x when snapshot is not null:
                snapshot.Available = x.Available;
                return snapshot;
            default:
                return snapshot!;
        }
    }
}

internal sealed class GuidanceCentreProjection : SingleStreamProjection<GuidanceCentre, Guid>
{
    public GuidanceCentreProjection()
    {
        IncludeType<GuidanceCentreEstablished>();
        IncludeType<BoutiqueProjectIncubated>();
    }

    public override GuidanceCentre Evolve(GuidanceCentre? snapshot, Guid id, IEvent e)
    {
        switch (e.Data)
        {
            case GuidanceCentreEstablished x:
                return new GuidanceCentre { Id = id, Name = x.Name, CommunityCode = x.CommunityCode, CommunityName = x.CommunityName, EstablishedOn = x.On, StaffIds = [.. x.StaffIds] };
            case BoutiqueProjectIncubated x when snapshot is not null:
                snapshot.Incubated.Add(x);
                return snapshot;
            default:
                return snapshot!;
        }
    }
}
