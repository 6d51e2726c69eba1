using JasperFx.Events;
using Marten.Events.Aggregation;
using Platform.Abstractions.Commands;

namespace Platform.Plugins.Smart.Devices;

/// <summary>A device as read models see it, with every status it has had, so the status on a past date can be told.</summary>
public sealed class DeviceView : ILocatedRecord
{
    (double Lon, double Lat) ILocatedRecord.Place => (Lon, Lat);

    public Guid Id { get; set; }
    public string Kind { get; set; } = "";
    public string Name { get; set; } = "";
    public string Compound { get; set; } = "";
    public Guid? CompoundId { get; set; }
    public double Lon { get; set; }
    public double Lat { get; set; }
    public string Status { get; set; } = DeviceStatuses.Online;
    public DateOnly InstalledOn { get; set; }
    public List<StatusChange> History { get; set; } = [];
    public string? Building { get; set; }
    public string? Entrance { get; set; }
    public string? Model { get; set; }
    public Guid? ProfileId { get; set; }
    public Guid? ProjectId { get; set; }

    /// <summary>SHA-256 of the current access token (never the token); null once retired.</summary>
    public string? TokenHash { get; set; }
    public DateTimeOffset? TokenIssuedAt { get; set; }
    public DateOnly? RetiredOn { get; set; }

    /// <summary>
    /// The status at the end of <paramref name="date"/>, or null when the device was not yet installed. The first status
    /// counts from the installation date even when it was recorded later.
    /// </summary>
    /// <remarks>
    /// Days are the server's local days, as <c>DateTime.Today</c> is throughout the platform (China Standard Time on a
    /// deployment in Chengdu): a report "as of today" must include the status reported an hour ago.
    /// </remarks>
    public string? StatusOn(DateOnly date)
    {
        if (InstalledOn > date || RetiredOn <= date)
            return null;
        return History.Skip(1).LastOrDefault(h => DateOnly.FromDateTime(h.At.LocalDateTime) <= date)?.Status ?? History.FirstOrDefault()?.Status ?? Status;
    }

    public void Fold(object data)
    {
        switch (data)
        {
            case DeviceInstalled e:
                Kind = e.Kind;
                Name = e.Name;
                Compound = e.Compound;
                CompoundId = e.CompoundId;
                Lon = e.Lon;
                Lat = e.Lat;
                Status = e.Status;
                InstalledOn = e.InstalledOn;
                History = [new StatusChange(e.Status, e.At, null)];
                Building = e.Building;
                Entrance = e.Entrance;
                Model = e.Model;
                ProfileId = e.ProfileId;
                ProjectId = e.ProjectId;
                TokenHash = e.TokenHash;
                TokenIssuedAt = e.TokenHash is null ? null : e.At;
                break;
            case DeviceTokenRotated e:
                TokenHash = e.TokenHash;
                TokenIssuedAt = e.At;
                break;
            case DeviceRetired e:
                RetiredOn = e.RetiredOn;
                TokenHash = null;
                break;
            case DeviceStatusReported e:
                Status = e.Status;
                History.Add(new StatusChange(e.Status, e.At, e.Note));
                break;
        }
    }
}

/// <summary>One entry of a device's status history.</summary>
public sealed record StatusChange(string Status, DateTimeOffset At, string? Note);

/// <summary>Folds a device's stream into its <see cref="DeviceView"/>.</summary>
public sealed class DeviceProjection : SingleStreamProjection<DeviceView, Guid>
{
    // Without it Marten hands the projection every stream's events and writes a document for each stream.
    public DeviceProjection()
    {
        IncludeType<DeviceInstalled>();
        IncludeType<DeviceStatusReported>();
        IncludeType<DeviceTokenRotated>();
        IncludeType<DeviceRetired>();
    }

    public override DeviceView Evolve(DeviceView? snapshot, Guid id, IEvent e)
    {
        var view = snapshot ?? new DeviceView { Id = id };
        view.Fold(e.Data);
        return view;
    }
}
