using JasperFx.Events;
using Marten.Events.Aggregation;
using Platform.Abstractions.Commands;

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
}

/// <summary>Folds a group's stream into its <see cref="GroupView"/>.</summary>
public sealed class GroupProjection : SingleStreamProjection<GroupView, Guid>
{
    // Without it Marten hands the projection every stream's events and writes a document for each stream.
    public GroupProjection() => IncludeType<GroupFounded>();

    public override GroupView Evolve(GroupView? snapshot, Guid id, IEvent e)
    {
        var view = snapshot ?? new GroupView { Id = id };
        if (e.Data is GroupFounded f)
        {
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
