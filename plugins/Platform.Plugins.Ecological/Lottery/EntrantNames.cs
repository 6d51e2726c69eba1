using System.Security.Claims;
using Platform.Abstractions.Security;

namespace Platform.Plugins.Ecological.Lottery;

/// <summary>
/// How a lottery answer names its entrants: staff see household ids; everyone else sees tickets — the position in
/// which a household entered the round (1, 2, …) — so the draw can be audited and replayed without a household id,
/// which would lead to a resident, ever leaving the staff.
/// </summary>
internal sealed class EntrantNames(Func<Guid, object> name, string describes)
{
    public Func<Guid, object> Name { get; } = name;

    /// <summary><c>householdId</c> or <c>ticket</c>: what the entrant values of the answer are.</summary>
    public string Describes { get; } = describes;

    /// <summary>A winner as <c>{"householdId"|"ticket": …, "plotId": …, "number": …}</c>.</summary>
    public Dictionary<string, object?> Win(LotteryWin win, string? number)
    {
        var answer = new Dictionary<string, object?> { [Describes] = Name(win.HouseholdId), ["plotId"] = win.PlotId };
        if (number is not null)
            answer["number"] = number;
        return answer;
    }

    public static EntrantNames For(ClaimsPrincipal user, LotteryRound round) =>
        user.MaySeePersonalData() ? new EntrantNames(h => h, "householdId") : TicketsOf(round);

    public static EntrantNames TicketsOf(LotteryRound round)
    {
        var tickets = round.Entrants.Select((h, i) => (h, i + 1)).ToDictionary(x => x.h, x => x.Item2);
        return new EntrantNames(h => tickets.TryGetValue(h, out var t) ? t : 0, "ticket");
    }
}
