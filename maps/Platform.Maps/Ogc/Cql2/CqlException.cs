namespace Platform.Maps.Ogc.Cql2;

/// <summary>A CQL2 filter that cannot be parsed or does not fit the collection, with the 1-based character position.</summary>
internal sealed class CqlException(int position, string reason, string reasonZh)
    : Exception($"{reason} (at character {position})")
{
    public int Position { get; } = position;

    public string Reason { get; } = reason;

    public string ReasonZh { get; } = reasonZh;
}
