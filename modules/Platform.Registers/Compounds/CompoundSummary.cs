using JasperFx.Events;
using Marten.Events.Aggregation;
using Platform.Abstractions.Commands;
using Platform.Registers.Shared;

namespace Platform.Registers.Compounds;

/// <summary>A compound as the register shows it. Its community is not stored: it follows from its location on the date asked.</summary>
internal sealed class CompoundSummary : ILocatedRecord
{
    (double Lon, double Lat) ILocatedRecord.Place => LabelPoints.Of(GeometryWkt);

    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string Kind { get; set; } = "";
    public string GeometryWkt { get; set; } = "";
    public int Households { get; set; }
    public string? PropertyCompany { get; set; }
    public string? EntrancesWkt { get; set; }
    public DateOnly Since { get; set; }
    public List<BuildingRecord> Buildings { get; set; } = [];
    public DateOnly? RetiredOn { get; set; }
    public string? RetiredReason { get; set; }
    public long Version { get; set; }

    // The boundary's bounding box (EPSG:4490 degrees), kept so that the overlap rule asks the database for the few
    // compounds near a new one instead of reading every compound; all zero in documents projected before it existed.
    public double MinLon { get; set; }
    public double MinLat { get; set; }
    public double MaxLon { get; set; }
    public double MaxLat { get; set; }

    public void Bound(string wkt)
    {
        var e = Platform.Spatial.WellKnownText.Read(wkt).EnvelopeInternal;
        (MinLon, MinLat, MaxLon, MaxLat) = (e.MinX, e.MinY, e.MaxX, e.MaxY);
    }

    /// <summary>On the register on <paramref name="date"/>: registered by then and not retired.</summary>
    public bool InForceOn(DateOnly date) => Since <= date && RecordEdits.InForce(RetiredOn, date);
}

internal sealed record BuildingRecord(Guid Id, string Name, int Floors, int Households, string FootprintWkt);

internal sealed class CompoundSummaryProjection : SingleStreamProjection<CompoundSummary, Guid>
{
    /// <summary>Only streams of this aggregate: other streams must not produce empty documents here.</summary>
    public CompoundSummaryProjection()
    {
        IncludeType<CompoundRegistered>();
        IncludeType<BuildingAdded>();
        IncludeType<CompoundDetailsRevised>();
        IncludeType<CompoundReshaped>();
        IncludeType<CompoundRetired>();
    }

    public override CompoundSummary Evolve(CompoundSummary? snapshot, Guid id, IEvent e)
    {
        if (snapshot is null && e.Data is not CompoundRegistered)
            return null!;
        var c = snapshot ?? new CompoundSummary { Id = id };
        switch (e.Data)
        {
            case CompoundRegistered x:
                (c.Name, c.Kind, c.GeometryWkt, c.Households, c.PropertyCompany, c.EntrancesWkt, c.Since) =
                    (x.Name, x.Kind, x.GeometryWkt, x.Households, x.PropertyCompany, x.EntrancesWkt, x.Since);
                c.Bound(x.GeometryWkt);
                break;
            case BuildingAdded x:
                c.Buildings.Add(new BuildingRecord(x.BuildingId, x.Name, x.Floors, x.Households, x.FootprintWkt));
                break;
            case CompoundDetailsRevised x:
                (c.Name, c.Kind, c.Households, c.PropertyCompany) = (x.Name, x.Kind, x.Households, x.PropertyCompany);
                break;
            case CompoundReshaped x:
                (c.GeometryWkt, c.EntrancesWkt) = (x.GeometryWkt, x.EntrancesWkt ?? c.EntrancesWkt);
                c.Bound(x.GeometryWkt);
                break;
            case CompoundRetired x:
                (c.RetiredOn, c.RetiredReason) = (x.On, x.Reason);
                break;
        }
        c.Version = e.Version;
        return c;
    }
}
