using Marten;
using Platform.Abstractions.Commands;

namespace Platform.Campaigns.Households;

[GrainType("campaigns.household_book")]
internal sealed class HouseholdBookGrain(EventWriter writer, IDocumentStore store) : Grain, IHouseholdBookGrain
{
    public async Task<CommandResult> RegisterAsync(RegisterHouseholds[] batches, CommandContext context)
    {
        if (batches.Length == 0 || batches.All(b => b.Households.Length == 0))
            return CommandResult.Refused(400, "rows", "There are no households to register.", "没有可登记的住户。");
        await using var session = store.QuerySession();
        var existing = (await session.LoadManyAsync<HouseholdRegister>(batches.Select(b => b.RegisterId).Distinct())).ToDictionary(r => r.Id);
        foreach (var b in batches)
        {
            // The write path checks no community for a write of several registers: the book does, for each one.
            if (!context.Scope.Covers(b.CommunityCode))
                return CommandResult.Refused(403, "rows", $"Only administrators and community workers of {b.CommunityName ?? "its community"} may register households of {b.Name}.",
                    $"只有管理员和{b.CommunityName ?? "所在社区"}的社区工作者可以登记{b.Name}的住户。");
            var taken = existing.TryGetValue(b.RegisterId, out var register) ? register.Households.Select(h => h.Key).ToHashSet(StringComparer.Ordinal) : [];
            if (b.Households.FirstOrDefault(h => !taken.Add(h.Key)) is { } twice)
                return CommandResult.Refused(409, "rows", $"{b.Name} already has a household at {twice.Key}.", $"{b.Name}已登记该户（{twice.Key.Trim('/')}）。");
        }
        return await writer.WriteManyAsync<HouseholdRegister>(context,
            [.. batches.Where(b => b.Households.Length > 0).Select(b => (b.RegisterId, (IReadOnlyList<object>)[new HouseholdsRegistered(b.Kind, b.Name, b.Village, b.CompoundId, b.CommunityCode, b.CommunityName, b.Lon, b.Lat, b.Households)]))]);
    }
}
