using Platform.Abstractions.Commands;

namespace Platform.Plugins.Smart.Profiles;

[GrainType("smart.profile")]
internal sealed class ProfileGrain(EventWriter writer, TimeProvider clock, ProfileCache cache, IProfileUsers users) : Grain, IProfileGrain
{
    public Task<CommandResult> CreateAsync(string name, string? description, int offlineAfterSeconds, AlarmRule[] rules, CommandContext context) =>
        writer.WriteAsync<ProfileView>(this.GetPrimaryKey(), context, profile =>
            profile is not null ? Outcome.Refuse(409, "id", "This profile exists already.", "该设备配置已存在。")
            : Check(rules) ?? Outcome.Append(new ProfileCreated(name, description, offlineAfterSeconds, rules, clock.GetUtcNow())));

    public async Task<CommandResult> ChangeRulesAsync(int offlineAfterSeconds, AlarmRule[] rules, CommandContext context)
    {
        var result = await writer.WriteAsync<ProfileView>(this.GetPrimaryKey(), context, profile =>
            profile is null ? Outcome.Refuse(404, "id", "No device profile is registered under this id.", "找不到该设备配置。")
            : Check(rules) ?? Outcome.Append(new ProfileRulesChanged(offlineAfterSeconds, rules, clock.GetUtcNow())));
        if (result.Accepted)
        {
            cache.Forget(this.GetPrimaryKey());
            foreach (var device in await users.FollowingAsync(this.GetPrimaryKey()))
                await GrainFactory.GetGrain<IProfileUser>(device).ProfileChangedAsync();
        }
        return result;
    }

    private static Outcome? Check(AlarmRule[] rules)
    {
        for (var i = 0; i < rules.Length; i++)
            if (AlarmRules.Check(rules[i], $"rules[{i}]") is { } bad)
                return Outcome.Refuse(400, bad.Field, bad.En, bad.Zh);
        if (rules.GroupBy(r => r.Id).FirstOrDefault(g => g.Count() > 1) is { } twice)
            return Outcome.Refuse(400, "rules", $"Two rules share the id '{twice.Key}'.", $"规则编号“{twice.Key}”重复。");
        return null;
    }
}
