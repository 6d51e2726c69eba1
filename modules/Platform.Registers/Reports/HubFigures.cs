namespace Platform.Registers.Reports;

/// <summary>A composite service hub (综合体) with its function spaces and the compounds it serves.</summary>
internal sealed record HubFigures(string Name, DateOnly OpenedOn, string? Community, int Spaces, double SpaceSquareMetres, string SpacesZh, int ServedCompounds, string ServedCompoundsZh);
