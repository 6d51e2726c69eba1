namespace Platform.Abstractions.Commands;

/// <summary>
/// An aggregate that lies somewhere, so that its community — and who may change it — follows from where it is
/// on the day of the change (restructuring moves it along). Implement it explicitly on the aggregate document,
/// so the place is not stored twice.
/// </summary>
public interface ILocatedRecord
{
    /// <summary>The point that decides the record's community: its location, label or interior point, EPSG:4490 (x = lon, y = lat).</summary>
    (double Lon, double Lat) Place { get; }
}
