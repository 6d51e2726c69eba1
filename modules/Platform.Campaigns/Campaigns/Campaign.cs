using JasperFx.Events;
using Marten.Events.Aggregation;

namespace Platform.Campaigns.Campaigns;

/// <summary>
/// A door-to-door campaign (入户排查 / 走访): the compounds and village groups it targets (their household registers), who
/// is assigned which household, and every visit with its outcome and what was registered.
/// </summary>
public sealed class Campaign
{
    public Guid Id { get; set; }
    public string Name { get; set; } = "";
    public string Purpose { get; set; } = "";
    public DateOnly StartOn { get; set; }
    public DateOnly? EndOn { get; set; }
    public List<CampaignTarget> Targets { get; set; } = [];

    /// <summary>Household id → the staff member (user name) assigned to visit it.</summary>
    public Dictionary<Guid, string> Assignments { get; set; } = [];
    public List<Visit> Visits { get; set; } = [];
    public long Version { get; set; }
}

/// <summary>A register the campaign visits: <c>compound</c> or <c>group</c>.</summary>
public sealed record CampaignTarget(Guid RegisterId, string Kind, string Name, string? CommunityCode);

/// <summary>
/// One visit of one household: <see cref="Outcome"/> is <c>visited</c>, <c>nobody_home</c> or <c>refused</c>; what was
/// registered (information, a temperature reading in °C, publicity given), when and by whom.
/// </summary>
public sealed record Visit(Guid HouseholdId, Guid RegisterId, string Outcome, bool Information, decimal? TemperatureCelsius, bool Publicity, DateTimeOffset At, string By);

/// <summary>The outcomes of a visit.</summary>
public static class VisitOutcomes
{
    public const string Visited = "visited";
    public const string NobodyHome = "nobody_home";
    public const string Refused = "refused";

    public static readonly IReadOnlyDictionary<string, string> NamesZh = new Dictionary<string, string>
    {
        [Visited] = "已走访", [NobodyHome] = "无人在家", [Refused] = "拒绝登记",
    };
}

internal sealed record CampaignLaunched(string Name, string Purpose, DateOnly StartOn, DateOnly? EndOn, CampaignTarget[] Targets);

internal sealed record VisitsAssigned(string Staff, Guid[] Households);

internal sealed record VisitsRecorded(Visit[] Visits);

internal sealed class CampaignProjection : SingleStreamProjection<Campaign, Guid>
{
    public CampaignProjection()
    {
        IncludeType<CampaignLaunched>();
        IncludeType<VisitsAssigned>();
        IncludeType<VisitsRecorded>();
    }

    public override Campaign Evolve(Campaign? snapshot, Guid id, IEvent e)
    {
        if (snapshot is null && e.Data is not CampaignLaunched)
            return null!;
        var c = snapshot ?? new Campaign { Id = id };
        switch (e.Data)
        {
            case CampaignLaunched x:
                (c.Name, c.Purpose, c.StartOn, c.EndOn, c.Targets) = (x.Name, x.Purpose, x.StartOn, x.EndOn, [.. x.Targets]);
                break;
            case VisitsAssigned x:
                foreach (var h in x.Households)
                    c.Assignments[h] = x.Staff;
                break;
            case VisitsRecorded x:
                c.Visits.AddRange(x.Visits);
                break;
        }
        c.Version = e.Version;
        return c;
    }
}
