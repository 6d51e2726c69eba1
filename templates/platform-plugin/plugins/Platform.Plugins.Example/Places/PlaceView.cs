using JasperFx.Events;
using Marten.Events.Aggregation;
using Platform.Abstractions.Commands;

namespace Platform.Plugins.Example.Places;

/// <summary>
/// A place as read models see it — and the aggregate the write path hands to the grain. It tells the write path where
/// it lies (<see cref="ILocatedRecord"/>), so a community worker changes only the places of their own community.
/// </summary>
public sealed class PlaceView : ILocatedRecord
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public double Lon { get; set; }
    public double Lat { get; set; }
    public DateTimeOffset RecordedAt { get; set; }

    (double Lon, double Lat) ILocatedRecord.Place => (Lon, Lat);
}

/// <summary>Folds a place's stream into its <see cref="PlaceView"/> in the same transaction as the append.</summary>
public sealed class PlaceProjection : SingleStreamProjection<PlaceView, Guid>
{
    // Without it Marten hands the projection every stream's events and writes a document for each stream.
    public PlaceProjection() => IncludeType<PlaceRecorded>();

    public override PlaceView Evolve(PlaceView? snapshot, Guid id, IEvent e)
    {
        var view = snapshot ?? new PlaceView { Id = id };
        if (e.Data is PlaceRecorded r)
        {
            view.Name = r.Name;
            view.Lon = r.Lon;
            view.Lat = r.Lat;
            view.RecordedAt = e.Timestamp;
        }
        return view;
    }
}
