using Marten;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Jurisdiction;

namespace Platform.Plugins.Vitality.Groups;

// A namespaced grain type: Orleans would otherwise name it after the class, which another plugin may share.
[GrainType("vitality.group")]
internal sealed class GroupGrain(EventWriter writer) : Grain, IGroupGrain
{
    public Task<CommandResult> FoundAsync(FoundGroup command, CommandContext context) =>
        writer.WriteAsync<GroupView>(this.GetPrimaryKey(), context, group =>
            group is not null ? Outcome.Refuse(409, "id", "This group is already founded.", "该团队已登记。")
            : GroupSpecialties.Find(command.Specialty) is null ? Outcome.Refuse(400, "specialty", $"Unknown specialty '{command.Specialty}'.", "团队类型无效。")
            : Outcome.Append(new GroupFounded(command.Name, command.Specialty, command.Description, command.HomeSpace,
                command.Lon, command.Lat, command.FoundedOn, command.Members, command.Signature, command.Tags, command.SupportedBy, command.Leader))
                .At(command.Lon, command.Lat, "lon"));

    public Task<CommandResult> ReachStageAsync(string stage, DateOnly on, CommandContext context) =>
        writer.WriteAsync<GroupView>(this.GetPrimaryKey(), context, group =>
        {
            if (group is null)
                return Unknown;
            if (GroupStages.Find(stage) is not { } next)
                return Outcome.Refuse(400, "stage", $"Unknown stage '{stage}'.", "孵化阶段无效。");
            var current = GroupStages.Find(group.Stage)!;
            if (next.Rank != current.Rank + 1)
                return Outcome.Refuse(409, "stage", $"The group is at the stage {current.NameEn}; the next stage is the one after it (萌芽 → 登记 → 成熟).",
                    $"该团队处于“{current.NameZh}”阶段，只能进入下一阶段（萌芽 → 登记 → 成熟）。");
            var since = group.RegisteredOn ?? group.FoundedOn;
            return on < since
                ? Outcome.Refuse(400, "on", $"The date lies before the group's previous stage ({since:yyyy-MM-dd}).", $"日期早于上一阶段（{since:yyyy-MM-dd}）。")
                : Outcome.Append(new GroupStageReached(stage, on));
        });

    public Task<CommandResult> JoinAsync(string member, DateOnly on, CommandContext context) =>
        writer.WriteAsync<GroupView>(this.GetPrimaryKey(), context, group =>
            group is null ? Unknown
            : group.MemberNames.Contains(member) ? Outcome.Refuse(409, "name", "This resident is already a member.", "该居民已是团队成员。")
            : Outcome.Append(new GroupMemberJoined(member, on)));

    public Task<CommandResult> LeaveAsync(string member, DateOnly on, CommandContext context) =>
        writer.WriteAsync<GroupView>(this.GetPrimaryKey(), context, group =>
            group is null ? Unknown
            : !group.MemberNames.Contains(member) ? Outcome.Refuse(409, "name", "No member of this name joined the group.", "该团队没有此成员。")
            : Outcome.Append(new GroupMemberLeft(member, on)));

    public Task<CommandResult> SetSignatureAsync(bool signature, CommandContext context) =>
        writer.WriteAsync<GroupView>(this.GetPrimaryKey(), context, group =>
            group is null ? Unknown
            : group.Signature == signature ? Outcome.Unchanged
            : Outcome.Append(new GroupSignatureChanged(signature)));

    private static Outcome Unknown => Outcome.Refuse(404, "id", "No group is registered under this id.", "找不到该团队。");
}

// Keyed by community code; see ICommunityGroupsGrain.
[GrainType("vitality.community-groups")]
internal sealed class CommunityGroupsGrain(IDocumentStore store, IJurisdictionLocator locator) : Grain, ICommunityGroupsGrain
{
    public async Task<CommandResult> FoundAsync(Guid id, FoundGroup command, CommandContext context) =>
        command.Signature && await TakenAsync(id) is { } taken ? taken
        : await GrainFactory.GetGrain<IGroupGrain>(id).FoundAsync(command, context);

    public async Task<CommandResult> SetSignatureAsync(Guid id, bool signature, CommandContext context) =>
        signature && await TakenAsync(id) is { } taken ? taken
        : await GrainFactory.GetGrain<IGroupGrain>(id).SetSignatureAsync(signature, context);

    private async Task<CommandResult?> TakenAsync(Guid id)
    {
        var community = this.GetPrimaryKeyString();
        await using var session = store.QuerySession();
        var signatures = (await session.Query<GroupView>().Where(g => g.Signature).ToListAsync()).Where(g => g.Id != id).ToList();
        var places = await locator.CommunitiesOfAsync(signatures.Select(g => (g.Lon, g.Lat)).ToList(), DateOnly.FromDateTime(DateTime.Today));
        var other = signatures.Where((g, i) => places[i]?.Code == community).FirstOrDefault();
        return other is null ? null
            : CommandResult.Refused(409, "signature", $"The community's specialty group (一社区一特色) is already {other.Name} ({other.Id}).",
                $"本社区已有特色团队“{other.Name}”（一社区一特色）。");
    }
}
