using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Platform.Campaigns.Work;

/// <summary>
/// An exchange (交流共建): a salon, a visit, a joined association or a signed agreement, with its partners, the attendance by
/// kind (enterprises, social organisations, residents) and the agreements signed.
/// </summary>
public sealed class Exchange
{
    public Guid Id { get; set; }

    /// <summary><c>event</c> (a salon, a visit, a service day), <c>membership</c> (joining an association) or <c>agreement</c>.</summary>
    public string Kind { get; set; } = "";
    public string Title { get; set; } = "";
    public DateOnly HeldOn { get; set; }
    public List<string> Partners { get; set; } = [];
    public int Enterprises { get; set; }
    public int Organisations { get; set; }
    public int Residents { get; set; }
    public List<Agreement> Agreements { get; set; } = [];
    public string? Summary { get; set; }
    public long Version { get; set; }
}

/// <summary>An agreement signed with a partner.</summary>
[GenerateSerializer, Immutable]
public sealed record Agreement([property: Id(0)] string Partner, [property: Id(1)] string Title, [property: Id(2)] DateOnly SignedOn);

internal sealed record ExchangeRecorded(string Kind, string Title, DateOnly HeldOn, string[] Partners, int Enterprises, int Organisations, int Residents, Agreement[] Agreements, string? Summary);

internal sealed class ExchangeProjection : SingleStreamProjection<Exchange, Guid>
{
    public ExchangeProjection() => IncludeType<ExchangeRecorded>();

    public override Exchange Evolve(Exchange? snapshot, Guid id, IEvent e) => e.Data is ExchangeRecorded x
        ? new Exchange { Id = id, Kind = x.Kind, Title = x.Title, HeldOn = x.HeldOn, Partners = [.. x.Partners], Enterprises = x.Enterprises, Organisations = x.Organisations,
            Residents = x.Residents, Agreements = [.. x.Agreements], Summary = x.Summary, Version = e.Version }
        : snapshot!;
}
