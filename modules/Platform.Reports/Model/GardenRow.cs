namespace Platform.Reports.Model;

internal sealed record GardenRow(string Name, string Kind, string? Community, double AreaSquareMetres, int Plots, int ClaimedPlots, double ClaimedSquareMetres, int Households);
