using Marten;
using Platform.Abstractions.Commands;
using Platform.Campaigns.Households;

namespace Platform.Campaigns.Campaigns;

[GrainType("campaigns.campaign")]
internal sealed class CampaignGrain(EventWriter writer, IDocumentStore store, TimeProvider clock) : Grain, ICampaignGrain
{
    public Task<CommandResult> LaunchAsync(LaunchCampaign c, CommandContext context) =>
        writer.WriteAsync<Campaign>(this.GetPrimaryKey(), context, async existing =>
        {
            if (existing is not null)
                return Outcome.Refuse(409, "id", "The campaign is already launched.", "该排查任务已发布。");
            if (string.IsNullOrWhiteSpace(c.Name) || c.Name.Length > 60)
                return Outcome.Refuse(400, "name", "name is 1–60 characters.", "任务名称须为 1–60 字。");
            if (c.EndOn is { } end && end < c.StartOn)
                return Outcome.Refuse(400, "endOn", "endOn is on or after startOn.", "结束日期不能早于开始日期。");
            if (c.Registers.Length == 0)
                return Outcome.Refuse(400, "registers", "Name the compounds and village groups the campaign visits (their household registers).", "须列出排查的小区和村民小组（住户登记册）。");
            await using var session = store.QuerySession();
            var registers = (await session.LoadManyAsync<HouseholdRegister>(c.Registers.Distinct())).ToDictionary(r => r.Id);
            if (c.Registers.FirstOrDefault(id => !registers.ContainsKey(id)) is var missing && missing != Guid.Empty)
                return Outcome.Refuse(400, "registers", $"No household register {missing}.", "住户登记册不存在。");
            return Outcome.Append(new CampaignLaunched(c.Name.Trim(), (c.Purpose ?? "").Trim(), c.StartOn, c.EndOn,
                [.. c.Registers.Distinct().Select(id => registers[id]).Select(r => new CampaignTarget(r.Id, r.Kind, r.Name, r.CommunityCode))]));
        }, WriteAccess.Participation);

    public Task<CommandResult> AssignAsync(AssignVisits c, CommandContext context) =>
        writer.WriteAsync<Campaign>(this.GetPrimaryKey(), context, async campaign =>
        {
            if (campaign is null)
                return Outcome.Refuse(404, "id", "No such campaign.", "找不到该排查任务。");
            if (string.IsNullOrWhiteSpace(c.Staff) || c.Staff.Length > 64)
                return Outcome.Refuse(400, "staff", "staff is the user name of the staff member who visits.", "须填写走访人员的用户名。");
            if (c.Households.Length is 0 or > 5000)
                return Outcome.Refuse(400, "householdIds", "Assign 1 to 5000 households at a time.", "每次分配 1 到 5000 户。");
            var targets = await TargetsAsync(campaign);
            if (Outside(c.Households, targets, context) is { } refused)
                return refused;
            return Outcome.Append(new VisitsAssigned(c.Staff.Trim(), [.. c.Households.Distinct()]));
        }, WriteAccess.Participation);

    public Task<CommandResult> RecordVisitsAsync(RecordVisit[] visits, CommandContext context) =>
        writer.WriteAsync<Campaign>(this.GetPrimaryKey(), context, async campaign =>
        {
            if (campaign is null)
                return Outcome.Refuse(404, "id", "No such campaign.", "找不到该排查任务。");
            if (visits.Length is 0 or > 5000)
                return Outcome.Refuse(400, "visits", "Record 1 to 5000 visits at a time.", "每次登记 1 到 5000 次走访。");
            var targets = await TargetsAsync(campaign);
            if (Outside([.. visits.Select(v => v.HouseholdId)], targets, context) is { } refused)
                return refused;
            var now = clock.GetUtcNow();
            var recorded = new List<Visit>();
            foreach (var v in visits)
            {
                if (!VisitOutcomes.NamesZh.ContainsKey(v.Outcome ?? ""))
                    return Outcome.Refuse(400, "outcome", "outcome is visited, nobody_home or refused.", "走访结果须为 visited（已走访）、nobody_home（无人在家）或 refused（拒绝登记）。");
                if (v.TemperatureCelsius is { } t && (t < 34 || t > 43))
                    return Outcome.Refuse(400, "temperature", "temperature is a body temperature in °C (34–43).", "体温须在 34–43 ℃ 之间。");
                if (v.Outcome != VisitOutcomes.Visited && (v.Information || v.Publicity || v.TemperatureCelsius is not null))
                    return Outcome.Refuse(400, "outcome", "Nothing is registered at a visit that found nobody or was refused.", "无人在家或拒绝登记的走访不能登记信息、体温或宣传。");
                var at = v.At ?? now;
                if (DateOnly.FromDateTime(at.UtcDateTime.AddHours(8)) < campaign.StartOn || at > now.AddMinutes(5))
                    return Outcome.Refuse(400, "at", "A visit happens between the campaign's start and now.", "走访时间须在任务开始之后、当前时间之前。");
                recorded.Add(new Visit(v.HouseholdId, targets[v.HouseholdId].Register, v.Outcome!, v.Information, v.TemperatureCelsius, v.Publicity, at, context.UserId));
            }
            return Outcome.Append(new VisitsRecorded([.. recorded]));
        }, WriteAccess.Participation);

    /// <summary>Household id → its register and the register's community, for the households of the campaign's targets.</summary>
    private async Task<Dictionary<Guid, (Guid Register, string? Community)>> TargetsAsync(Campaign campaign)
    {
        await using var session = store.QuerySession();
        var registers = await session.LoadManyAsync<HouseholdRegister>(campaign.Targets.Select(t => t.RegisterId));
        var map = new Dictionary<Guid, (Guid, string?)>();
        foreach (var r in registers)
            foreach (var h in r.Households)
                map[h.Id] = (r.Id, r.CommunityCode);
        return map;
    }

    /// <summary>
    /// A household outside the campaign's targets is a conflict with what the campaign is (409); one of another community
    /// than the caller's is refused as the write path refuses a record there (403).
    /// </summary>
    private static Rejection? Outside(IReadOnlyList<Guid> households, Dictionary<Guid, (Guid Register, string? Community)> targets, CommandContext context)
    {
        foreach (var h in households)
        {
            if (!targets.TryGetValue(h, out var target))
                return new Rejection(409, "householdId", $"Household {h} is not in a compound or group this campaign visits.", "该住户不在本次排查任务的小区或村民小组范围内。");
            if (!context.Scope.Covers(target.Community))
                return new Rejection(403, "householdId", "Only administrators and community workers of the household's community may record its visits.", "只有管理员和住户所在社区的社区工作者可以登记该户的走访。");
        }
        return null;
    }
}
