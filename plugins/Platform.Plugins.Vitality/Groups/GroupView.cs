using JasperFx.Events;
using Marten.Events.Aggregation;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Security;

namespace Platform.Plugins.Vitality.Groups;

/// <summary>A resident group as read models see it.</summary>
public sealed class GroupView : ILocatedRecord
{
    (double Lon, double Lat) ILocatedRecord.Place => (Lon, Lat);

    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string Specialty { get; set; } = "";
    public string? Description { get; set; }
    public string HomeSpace { get; set; } = "";
    public double Lon { get; set; }
    public double Lat { get; set; }
    public DateOnly FoundedOn { get; set; }
    public int Members { get; set; }
    public bool Signature { get; set; }
    public string Stage { get; set; } = GroupStages.Sprouting;
    public DateOnly? RegisteredOn { get; set; }
    public DateOnly? MaturedOn { get; set; }
    public string[] Tags { get; set; } = [];
    public string? SupportedBy { get; set; }

    [PersonalData]
    public string? Leader { get; set; }

    /// <summary>Members who joined through the platform (the founding count is in <see cref="Members"/> without names).</summary>
    [PersonalData]
    public List<string> MemberNames { get; set; } = [];
}

/// <summary>Folds a group's stream into its <see cref="GroupView"/>.</summary>
public sealed class GroupProjection : SingleStreamProjection<GroupView, Guid>
{
    // Without it Marten hands the projection every stream's events and writes a document for each stream.
    public GroupProjection()
    {
        IncludeType<GroupFounded>();
        IncludeType<GroupStageReached>();
        IncludeType<GroupMemberJoined>();
        IncludeType<GroupMemberLeft>();
        IncludeType<GroupSignatureChanged>();
    }

    public override GroupView Evolve(GroupView? snapshot, Guid id, IEvent e)
    {
        var view = snapshot ?? new GroupView { Id = id };
        switch (e.Data)
        {
            case GroupStageReached s when s.Stage == GroupStages.Registered:
                view.Stage = s.Stage;
                view.RegisteredOn = s.On;
                break;
            case GroupStageReached s when s.Stage == GroupStages.Mature:
                view.Stage = s.Stage;
                view.MaturedOn = s.On;
                break;
            case GroupMemberJoined j:
                view.MemberNames.Add(j.Member);
                view.Members++;
                break;
            case GroupMemberLeft l:
                view.MemberNames.Remove(l.Member);
                view.Members = Math.Max(0, view.Members - 1);
                break;
            case GroupSignatureChanged c:
                view.Signature = c.Signature;
                break;
        }
        if (e.Data is GroupFounded f)
        {
            view.Tags = f.Tags ?? [];
            view.SupportedBy = f.SupportedBy;
            view.Leader = f.Leader;
            view.Name = f.Name;
            view.Specialty = f.Specialty;
            view.Description = f.Description;
            view.HomeSpace = f.HomeSpace;
            view.Lon = f.Lon;
            view.Lat = f.Lat;
            view.FoundedOn = f.FoundedOn;
            view.Members = f.Members;
            view.Signature = f.Signature;
        }
        return view;
    }
}
