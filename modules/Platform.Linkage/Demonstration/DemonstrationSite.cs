using JasperFx.Events;
using Marten.Events.Aggregation;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Security;

namespace Platform.Linkage.Demonstration;

/// <summary>The guide (讲解员) of a demonstration site and whether they have been trained.</summary>
[GenerateSerializer, Immutable]
public sealed record SiteGuide([property: Id(0), PersonalData] string Name, [property: Id(1)] bool Trained);

internal sealed record DemonstrationSiteRegistered(string Name, int Year, double Lon, double Lat, string Description, SiteGuide? Guide, string[] Materials);

/// <summary>A 示范点位 of the tour (竞进拉练), with its guide and display materials.</summary>
internal sealed class DemonstrationSite : ILocatedRecord
{
    (double Lon, double Lat) ILocatedRecord.Place => (Lon, Lat);

    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public int Year { get; set; }
    public double Lon { get; set; }
    public double Lat { get; set; }
    public string Description { get; set; } = "";
    public SiteGuide? Guide { get; set; }
    public List<string> Materials { get; set; } = [];
}

internal sealed class DemonstrationSiteProjection : SingleStreamProjection<DemonstrationSite, Guid>
{
    public DemonstrationSiteProjection() => IncludeType<DemonstrationSiteRegistered>();

    public override DemonstrationSite Evolve(DemonstrationSite? snapshot, Guid id, IEvent e) => e.Data is DemonstrationSiteRegistered x
        ? new DemonstrationSite { Id = id, Name = x.Name, Year = x.Year, Lon = x.Lon, Lat = x.Lat, Description = x.Description, Guide = x.Guide, Materials = [.. x.Materials] }
        : snapshot!;
}

[GenerateSerializer, Immutable]
internal sealed record RegisterDemonstrationSite([property: Id(0)] string Name, [property: Id(1)] int Year, [property: Id(2)] double Lon, [property: Id(3)] double Lat,
    [property: Id(4)] string Description, [property: Id(5)] SiteGuide? Guide, [property: Id(6)] string[] Materials);

/// <summary>The single writer of one demonstration site's stream.</summary>
internal interface IDemonstrationSiteGrain : IGrainWithGuidKey
{
    Task<CommandResult> RegisterAsync(RegisterDemonstrationSite command, CommandContext context);
}
