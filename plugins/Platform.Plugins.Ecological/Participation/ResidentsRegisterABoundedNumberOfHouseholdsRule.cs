using Platform.Abstractions.Commands;

namespace Platform.Plugins.Ecological.Participation;

/// <summary>
/// A resident account registers at most <see cref="ParticipationRules.HouseholdsPerResident"/> households; with one plot
/// per household per season, that bounds the plots one account can claim. Staff (administrators, community workers)
/// register households on residents' behalf and are not bounded.
/// </summary>
internal static class ResidentsRegisterABoundedNumberOfHouseholdsRule
{
    /// <summary>True for callers who change no community's records: residents acting for themselves.</summary>
    public static bool AppliesTo(CommandContext context) => !context.Scope.AllCommunities && context.Scope.Community is null;

    public static Rejection? Check(int registered, int limit) =>
        registered < limit
            ? null
            : new Rejection(409, "householder",
                $"This account has registered {registered} household(s); a resident account may register {limit}. Ask a community worker to register more.",
                $"本账号已登记 {registered} 户，每个居民账号最多可登记 {limit} 户；如需登记更多，请联系社区工作者。");
}
