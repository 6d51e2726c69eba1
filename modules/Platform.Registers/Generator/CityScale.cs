namespace Platform.Registers.Generator;

/// <summary>
/// How big a generated city is: streets, communities, compounds, buildings (all compounds together) and facilities.
/// One street is a twentieth of the district of issue 23: 15 communities, 5 000 compounds, 50 000 buildings and 250
/// facilities; the district is 20 streets, 300 communities, 100 000 compounds, 1 000 000 buildings, 5 000 facilities.
/// </summary>
internal sealed record CityScale(int Streets, int Communities, int Compounds, int Buildings, int Facilities)
{
    public static readonly CityScale Street = new(1, 15, 5_000, 50_000, 250);

    public static CityScale OfStreets(int streets) =>
        new(streets, Street.Communities * streets, Street.Compounds * streets, Street.Buildings * streets, Street.Facilities * streets);

    /// <summary>"street", "district", or a number of streets; null for anything else.</summary>
    public static CityScale? Parse(string? name) => name switch
    {
        null or "street" => Street,
        "district" => OfStreets(20),
        _ when int.TryParse(name, out var n) && n is > 0 and <= 100 => OfStreets(n),
        _ => null,
    };

    /// <summary>Null when the figures make a city; else why not.</summary>
    public string? Problem() =>
        Streets < 1 || Communities < Streets ? "at least one community a street"
        : Compounds < Communities ? "at least one compound a community"
        : Buildings < Compounds ? "at least one building a compound"
        : Buildings > Compounds * 64 ? "at most 64 buildings a compound"
        : Facilities < 0 ? "no negative number of facilities"
        : null;
}
