using JasperFx.Events;
using Marten.Events.Aggregation;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Security;

namespace Platform.Plugins.Vitality.Venues;

/// <summary>A shared space and its bookings, as read models see it; the venue's grain decides on this state.</summary>
public sealed class VenueView : ILocatedRecord
{
    (double Lon, double Lat) ILocatedRecord.Place => (Lon, Lat);

    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string Kind { get; set; } = "";
    public string? Hub { get; set; }
    public double Lon { get; set; }
    public double Lat { get; set; }
    public int Capacity { get; set; }
    public TimeOnly Opens { get; set; }
    public TimeOnly Closes { get; set; }

    /// <summary>The opening windows of the week once set (<see cref="VenueHoursSet"/>); empty: <see cref="Opens"/>–<see cref="Closes"/> every day.</summary>
    public List<OpeningWindow> Week { get; set; } = [];
    public int MaxBookingMinutes { get; set; }
    public bool ApprovalRequired { get; set; }
    public string[] Equipment { get; set; } = [];
    public string? PhotoUrl { get; set; }
    public string? Description { get; set; }
    public List<Booking> Bookings { get; set; } = [];

    /// <summary>The hours of <paramref name="date"/> (Asia/Shanghai), or null on a day the venue is closed.</summary>
    public (TimeOnly Opens, TimeOnly Closes)? HoursOn(DateOnly date)
    {
        if (Week.Count == 0)
            return (Opens, Closes);
        var day = date.DayOfWeek == DayOfWeek.Sunday ? 7 : (int)date.DayOfWeek;
        return Week.Find(w => w.Days.Contains(day)) is { } window ? (window.Opens, window.Closes) : null;
    }

    /// <summary>Bookings that hold their time: confirmed, or pending approval.</summary>
    public IEnumerable<Booking> Holding => Bookings.Where(b => b.Status != BookingStatuses.Cancelled);
}

/// <summary>One booking of a venue.</summary>
public sealed class Booking
{
    public Guid Id { get; set; }
    public DateTimeOffset Start { get; set; }
    public DateTimeOffset End { get; set; }
    public string Purpose { get; set; } = "";
    public Guid? GroupId { get; set; }
    public Guid? SeriesId { get; set; }

    /// <summary>The account that booked; staff see it, anonymous answers never.</summary>
    [PersonalData]
    public string BookedBy { get; set; } = "";

    public string Status { get; set; } = BookingStatuses.Confirmed;

    public bool Overlaps(DateTimeOffset start, DateTimeOffset end) => Start < end && start < End;
}

/// <summary>The states of a booking.</summary>
public static class BookingStatuses
{
    public const string Pending = "pending";
    public const string Confirmed = "confirmed";
    public const string Cancelled = "cancelled";

    public static string Zh(string status) => status switch { Pending => "待审批", Confirmed => "已确认", _ => "已取消" };
}

/// <summary>Folds a venue's stream into its <see cref="VenueView"/>.</summary>
public sealed class VenueProjection : SingleStreamProjection<VenueView, Guid>
{
    public VenueProjection()
    {
        IncludeType<VenueRegistered>();
        IncludeType<VenueBooked>();
        IncludeType<VenueBookingApproved>();
        IncludeType<VenueBookingCancelled>();
        IncludeType<VenueHoursSet>();
        IncludeType<VenuePhotoAttached>();
    }

    public override VenueView Evolve(VenueView? snapshot, Guid id, IEvent e)
    {
        var view = snapshot ?? new VenueView { Id = id };
        switch (e.Data)
        {
            case VenueRegistered r:
                view.Name = r.Name;
                view.Kind = r.Kind;
                view.Hub = r.Hub;
                view.Lon = r.Lon;
                view.Lat = r.Lat;
                view.Capacity = r.Capacity;
                view.Opens = r.Opens;
                view.Closes = r.Closes;
                view.MaxBookingMinutes = r.MaxBookingMinutes;
                view.ApprovalRequired = r.ApprovalRequired;
                view.Equipment = r.Equipment;
                view.PhotoUrl = r.PhotoUrl;
                view.Description = r.Description;
                break;
            case VenueBooked b:
                view.Bookings.Add(new Booking
                {
                    Id = b.BookingId, Start = b.Start, End = b.End, Purpose = b.Purpose, GroupId = b.GroupId, SeriesId = b.SeriesId, BookedBy = b.BookedBy,
                    Status = b.Pending ? BookingStatuses.Pending : BookingStatuses.Confirmed,
                });
                break;
            case VenueBookingApproved a when view.Bookings.Find(x => x.Id == a.BookingId) is { } approved:
                approved.Status = BookingStatuses.Confirmed;
                break;
            case VenueBookingCancelled c when view.Bookings.Find(x => x.Id == c.BookingId) is { } cancelled:
                cancelled.Status = BookingStatuses.Cancelled;
                break;
            case VenueHoursSet h:
                view.Week = [.. h.Week];
                break;
            case VenuePhotoAttached p:
                view.PhotoUrl = $"/api/scenes/vitality/venues/{id}/photos/{p.PhotoId}";
                break;
        }
        return view;
    }
}
