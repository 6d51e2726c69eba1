using JasperFx.Events;
using Marten.Events.Aggregation;
using Platform.Abstractions.Commands;

namespace Platform.Campaigns.Passes;

/// <summary>
/// The QR pass of one entrance (出入口) of a compound or commercial building: the code its poster carries, and the codes
/// revoked before it (a revoked code answers 409 when scanned, an unknown one 404). The id is the entrance's
/// (<see cref="EntranceIds"/>).
/// </summary>
public sealed class EntrancePass : ILocatedRecord
{
    (double Lon, double Lat) ILocatedRecord.Place => (Lon, Lat);

    public Guid Id { get; set; }
    public Guid CompoundId { get; set; }
    public string CompoundName { get; set; } = "";
    public string CompoundKind { get; set; } = "";
    public string Name { get; set; } = "";
    public double Lon { get; set; }
    public double Lat { get; set; }
    public string Code { get; set; } = "";
    public DateTimeOffset IssuedAt { get; set; }
    public List<string> RevokedCodes { get; set; } = [];
    public long Version { get; set; }
}

/// <summary>A pass (QR code) was issued to an entrance; a reissue replaces the code.</summary>
internal sealed record EntrancePassIssued(Guid CompoundId, string CompoundName, string CompoundKind, string Name, double Lon, double Lat, string Code, DateTimeOffset At);

/// <summary>An entrance's code was revoked (a lost or misused poster); scans of it are refused from now on.</summary>
internal sealed record EntrancePassRevoked(string Code, string Reason, DateTimeOffset At);

internal sealed class EntrancePassProjection : SingleStreamProjection<EntrancePass, Guid>
{
    public EntrancePassProjection()
    {
        IncludeType<EntrancePassIssued>();
        IncludeType<EntrancePassRevoked>();
    }

    public override EntrancePass Evolve(EntrancePass? snapshot, Guid id, IEvent e)
    {
        if (snapshot is null && e.Data is not EntrancePassIssued)
            return null!;
        var p = snapshot ?? new EntrancePass { Id = id };
        switch (e.Data)
        {
            case EntrancePassIssued x:
                (p.CompoundId, p.CompoundName, p.CompoundKind, p.Name, p.Lon, p.Lat, p.Code, p.IssuedAt) = (x.CompoundId, x.CompoundName, x.CompoundKind, x.Name, x.Lon, x.Lat, x.Code, x.At);
                break;
            case EntrancePassRevoked x:
                p.RevokedCodes.Add(x.Code);
                if (p.Code == x.Code)
                    p.Code = "";
                break;
        }
        p.Version = e.Version;
        return p;
    }
}
