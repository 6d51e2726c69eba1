using JasperFx.Events;
using Marten.Events.Aggregation;
using Platform.Abstractions.Commands;

namespace Platform.Plugins.Vitality.Activities;

/// <summary>An activity as read models see it.</summary>
public sealed class ActivityView : ILocatedRecord
{
    (double Lon, double Lat) ILocatedRecord.Place => (Lon, Lat);

    public Guid Id { get; set; }
    public string Title { get; set; } = "";
    public Guid? GroupId { get; set; }
    public string? Series { get; set; }
    public string SpaceKind { get; set; } = "";
    public string SpaceName { get; set; } = "";
    public double Lon { get; set; }
    public double Lat { get; set; }
    public DateOnly HeldOn { get; set; }
    public int Participants { get; set; }
}

/// <summary>Folds an activity's stream into its <see cref="ActivityView"/>.</summary>
public sealed class ActivityProjection : SingleStreamProjection<ActivityView, Guid>
{
    // Without it Marten hands the projection every stream's events and writes a document for each stream.
    public ActivityProjection() => IncludeType<ActivityHeld>();

    public override ActivityView Evolve(ActivityView? snapshot, Guid id, IEvent e)
    {
        var view = snapshot ?? new ActivityView { Id = id };
        if (e.Data is ActivityHeld h)
        {
            view.Title = h.Title;
            view.GroupId = h.GroupId;
            view.Series = h.Series;
            view.SpaceKind = h.SpaceKind;
            view.SpaceName = h.SpaceName;
            view.Lon = h.Lon;
            view.Lat = h.Lat;
            view.HeldOn = h.HeldOn;
            view.Participants = h.Participants;
        }
        return view;
    }
}
