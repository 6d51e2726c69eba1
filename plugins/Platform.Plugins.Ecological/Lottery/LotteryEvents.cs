using Platform.Abstractions.Security;

namespace Platform.Plugins.Ecological.Lottery;

/// <summary>A lottery round (摇号) was opened on a garden for a season over the listed free plots, which are reserved for it.</summary>
public sealed record LotteryRoundOpened(Guid RoundId, string Season, IReadOnlyList<Guid> PlotIds, DateTimeOffset OpenedAt);

/// <summary>A household entered a lottery round.</summary>
public sealed record LotteryEntered(Guid RoundId, [property: PersonalData] Guid HouseholdId);

/// <summary>
/// A lottery round was drawn. Everything needed to audit and replay the draw is here: the eligible entrants in entry
/// order, the plots in allocation order, the algorithm name and the seed. <see cref="Order"/> is the entrants'
/// permutation the algorithm produced; the first <c>PlotIds.Count</c> of it won (in plot order), the rest went to the
/// waiting list in that order. <see cref="Oversubscribed"/> false: no draw was needed, entry order was kept
/// (first come, first served), and <see cref="Seed"/> is still recorded but unused.
/// </summary>
public sealed record LotteryDrawn(
    Guid RoundId,
    string Algorithm,
    ulong Seed,
    bool Oversubscribed,
    [property: PersonalData] IReadOnlyList<Guid> Entrants,
    IReadOnlyList<Guid> PlotIds,
    [property: PersonalData] IReadOnlyList<Guid> Order,
    [property: PersonalData] IReadOnlyList<LotteryWin> Winners,
    [property: PersonalData] IReadOnlyList<Guid> WaitingList,
    DateTimeOffset DrawnAt);

/// <summary>One winner of a draw and the plot allotted.</summary>
public sealed record LotteryWin(Guid HouseholdId, Guid PlotId);

/// <summary>A lottery round: the plots it holds, who entered, and once drawn the recorded draw.</summary>
public sealed class LotteryRound
{
    public Guid RoundId { get; set; }
    public string Season { get; set; } = "";
    public List<Guid> PlotIds { get; set; } = [];
    public List<Guid> Entrants { get; set; } = [];
    public DateTimeOffset OpenedAt { get; set; }
    public LotteryDrawn? Draw { get; set; }
}
