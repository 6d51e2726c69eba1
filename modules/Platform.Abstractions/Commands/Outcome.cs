using NetTopologySuite.Geometries;
using Platform.Spatial;

namespace Platform.Abstractions.Commands;

/// <summary>
/// What a grain decided about a command, given the aggregate's current state: refused (with the field and
/// the reason), or the events to append — with the places they put the record, so the write path can check
/// the caller may change things there, and any new streams that must start in the same transaction.
/// </summary>
public sealed class Outcome
{
    private readonly List<Place> _places = [];
    private readonly List<NewStream> _newStreams = [];
    private readonly List<Place> _extents = [];
    private readonly List<(Guid Id, IReadOnlyList<object> Events)> _alsoAppended = [];

    private Outcome(Rejection? rejection, IReadOnlyList<object> events)
    {
        Rejection = rejection;
        Events = events;
    }

    /// <summary>Why the command was refused, or null when it was accepted.</summary>
    public Rejection? Rejection { get; }

    /// <summary>The events to append to the aggregate's stream, in order; empty when there is nothing to change.</summary>
    public IReadOnlyList<object> Events { get; }

    /// <summary>The places (EPSG:4490) the events put the record; the caller must be allowed to change records there.</summary>
    public IReadOnlyList<Place> Places => _places;

    /// <summary>Geometries the events draw that must lie within the street's territory but decide no community (<see cref="Within"/>).</summary>
    public IReadOnlyList<Place> Extents => _extents;

    /// <summary>Streams started in the same transaction as <see cref="Events"/> (all of it, or nothing).</summary>
    public IReadOnlyList<NewStream> NewStreams => _newStreams;

    /// <summary>Events appended to other existing streams in the same transaction (<see cref="AlsoAppend"/>).</summary>
    public IReadOnlyList<(Guid Id, IReadOnlyList<object> Events)> AlsoAppended => _alsoAppended;

    /// <summary>Accepted: append these events.</summary>
    public static Outcome Append(params object[] events) => new(null, events);

    /// <summary>Accepted: append these events.</summary>
    public static Outcome Append(IEnumerable<object> events) => new(null, events.ToList());

    /// <summary>Accepted, with nothing to change (the command asks for what already holds).</summary>
    public static Outcome Unchanged { get; } = new(null, []);

    /// <summary>Refused: nothing is appended.</summary>
    public static Outcome Refuse(int status, string field, string reason, string reasonZh) =>
        new(new Rejection(status, field, reason, reasonZh), []);

    /// <summary>Refused: nothing is appended.</summary>
    public static implicit operator Outcome(Rejection rejection) => new(rejection, []);

    /// <summary>
    /// The events put the record at (<paramref name="lon"/>, <paramref name="lat"/>), EPSG:4490, given in the request's
    /// <paramref name="field"/> (named by a refusal when the caller may not change records there).
    /// </summary>
    public Outcome At(double lon, double lat, string field = "geometry")
    {
        _places.Add(new Place(lon, lat, field));
        return this;
    }

    /// <summary>
    /// The events put the record at <paramref name="geometry"/> (EPSG:4490): its interior point decides the community,
    /// and the whole of it must lie within the street's territory (<see cref="PlaceMustLieWithinTheStreetTerritoryRule"/>).
    /// </summary>
    public Outcome At(Geometry geometry, string field = "geometry")
    {
        var point = GeometryMeasurement.InteriorPoint(geometry);
        _places.Add(new Place(point.X, point.Y, field) { Shape = geometry });
        return this;
    }

    /// <summary>
    /// The events draw <paramref name="geometry"/> (EPSG:4490), which must lie within the street's territory, without
    /// putting the record in a community (planning zones, roads, water: administrators' registers of the whole street).
    /// </summary>
    public Outcome Within(Geometry geometry, string field = "geometry")
    {
        _extents.Add(new Place(double.NaN, double.NaN, field) { Shape = geometry });
        return this;
    }

    /// <summary>
    /// Also appends <paramref name="events"/> to the existing stream <paramref name="id"/> in the same transaction: for a record
    /// whose parts are records of their own (a service hub's function spaces), which follow it. The grain stays the deciding
    /// writer; the parts' own grains are not asked, so use it only for parts the record owns. Since SDK 1.6.
    /// </summary>
    public Outcome AlsoAppend(Guid id, params object[] events)
    {
        _alsoAppended.Add((id, events));
        return this;
    }

    /// <summary>Also starts the stream <paramref name="id"/> of aggregate <typeparamref name="TAggregate"/> in the same transaction.</summary>
    public Outcome AlsoStart<TAggregate>(Guid id, params object[] events) where TAggregate : class
    {
        _newStreams.Add(new NewStream(id, typeof(TAggregate), events));
        return this;
    }
}

/// <summary>A stream to start beside the one a command writes: its id, aggregate type and first events.</summary>
public sealed record NewStream(Guid Id, Type AggregateType, IReadOnlyList<object> Events);

/// <summary>A place a command puts a record (EPSG:4490, x = lon, y = lat) and the request field that gave it.</summary>
public sealed record Place(double Lon, double Lat, string Field)
{
    /// <summary>The whole geometry when the place was given as one (EPSG:4490); null for a bare point.</summary>
    public Geometry? Shape { get; init; }
}
