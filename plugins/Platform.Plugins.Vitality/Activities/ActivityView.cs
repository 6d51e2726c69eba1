using JasperFx.Events;
using Marten.Events.Aggregation;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Security;

namespace Platform.Plugins.Vitality.Activities;

/// <summary>
/// An activity as read models see it: one recorded after it was held (<see cref="ActivityHeld"/>, participants as reported), or one
/// scheduled in a booked venue (<see cref="ActivityScheduled"/>), whose participants are its check-ins.
/// </summary>
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
    public Guid? VenueId { get; set; }
    public Guid? BookingId { get; set; }
    public DateTimeOffset? Start { get; set; }
    public DateTimeOffset? End { get; set; }
    public int? Capacity { get; set; }

    [PersonalData]
    public string? CheckInToken { get; set; }

    [PersonalData]
    public List<string> Confirmed { get; set; } = [];

    /// <summary>The waiting list, first come first.</summary>
    [PersonalData]
    public List<string> Waiting { get; set; } = [];

    [PersonalData]
    public List<string> CheckedIn { get; set; } = [];

    public bool Scheduled => Start is not null;
}

/// <summary>Folds an activity's stream into its <see cref="ActivityView"/>.</summary>
public sealed class ActivityProjection : SingleStreamProjection<ActivityView, Guid>
{
    // Without it Marten hands the projection every stream's events and writes a document for each stream.
    public ActivityProjection()
    {
        IncludeType<ActivityHeld>();
        IncludeType<ActivityScheduled>();
        IncludeType<ResidentSignedUp>();
        IncludeType<SignUpCancelled>();
        IncludeType<WaitingPromoted>();
        IncludeType<ResidentCheckedIn>();
    }

    public override ActivityView Evolve(ActivityView? snapshot, Guid id, IEvent e)
    {
        var view = snapshot ?? new ActivityView { Id = id };
        switch (e.Data)
        {
            case ActivityScheduled s:
                view.Title = s.Title;
                view.GroupId = s.GroupId;
                view.Series = s.Series;
                view.SpaceKind = s.SpaceKind;
                view.SpaceName = s.SpaceName;
                view.Lon = s.Lon;
                view.Lat = s.Lat;
                view.HeldOn = s.HeldOn;
                view.VenueId = s.VenueId;
                view.BookingId = s.BookingId;
                view.Start = s.Start;
                view.End = s.End;
                view.Capacity = s.Capacity;
                view.CheckInToken = s.CheckInToken;
                break;
            case ResidentSignedUp u:
                (u.Waiting ? view.Waiting : view.Confirmed).Add(u.Person);
                break;
            case SignUpCancelled c:
                view.Confirmed.Remove(c.Person);
                view.Waiting.Remove(c.Person);
                break;
            case WaitingPromoted p:
                view.Waiting.Remove(p.Person);
                view.Confirmed.Add(p.Person);
                break;
            case ResidentCheckedIn i:
                view.CheckedIn.Add(i.Person);
                view.Participants = view.CheckedIn.Count;
                break;
        }
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
