namespace Platform.Plugins.Vitality.Activities;

/// <summary>
/// An activity was held on <paramref name="HeldOn"/> in a shared space at (<paramref name="Lon"/>, <paramref name="Lat"/>),
/// EPSG:4490, with <paramref name="Participants"/> person-times; organised by a resident group when <paramref name="GroupId"/> is set,
/// and part of an activity series (e.g. 邻里文化节) when <paramref name="Series"/> is.
/// </summary>
public sealed record ActivityHeld(
    string Title,
    Guid? GroupId,
    string? Series,
    string SpaceKind,
    string SpaceName,
    double Lon,
    double Lat,
    DateOnly HeldOn,
    int Participants);
