using Platform.Abstractions.Commands;

namespace Platform.Plugins.Service.Projects;

public sealed class ServiceProject : ILocatedRecord
{
    (double Lon, double Lat) ILocatedRecord.Place => (Lon, Lat);

    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string Kind { get; set; } = "";
    public string? Compound { get; set; }
    public double Lon { get; set; }
    public double Lat { get; set; }
    public double AreaSquareMetres { get; set; }
    public string Status { get; set; } = "";
    public DateOnly Since { get; set; }
    public long Version { get; set; }
}
