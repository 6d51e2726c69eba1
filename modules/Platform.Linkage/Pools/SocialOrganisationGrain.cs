using Platform.Abstractions.Commands;
using Platform.Abstractions.Jurisdiction;

namespace Platform.Linkage.Pools;

[GrainType("linkage.social_organisation")]
internal sealed class SocialOrganisationGrain(EventWriter writer, IJurisdictionLocator jurisdiction, TimeProvider clock) : Grain, ISocialOrganisationGrain
{
    public Task<CommandResult> RegisterAsync(RegisterOrganisation c, CommandContext context) =>
        writer.WriteAsync<SocialOrganisation>(this.GetPrimaryKey(), context, async o =>
        {
            if (o is not null)
                return Outcome.Refuse(409, "id", "The organisation is already registered.", "该社会组织已登记。");
            if (string.IsNullOrWhiteSpace(c.Name))
                return Outcome.Refuse(400, "name", "The name is required.", "社会组织名称必填。");
            if (!PoolCodes.OrganisationStatuses.ContainsKey(c.Status))
                return Outcome.Refuse(400, "status", "status must be registered or incubating.", "状态须为 registered（已登记）或 incubating（孵化中）。");
            if (c.Contacts.Any(p => string.IsNullOrWhiteSpace(p.Name)))
                return Outcome.Refuse(400, "contacts", "Every contact person needs a name.", "联系人须填写姓名。");
            var community = await Communities.FindAsync(jurisdiction, c.CommunityCode, DateOnly.FromDateTime(clock.GetLocalNow().DateTime));
            if (c.CommunityCode is not null && community is null)
                return Outcome.Refuse(400, "communityCode", $"There is no community or village '{c.CommunityCode}'.", $"没有编码为“{c.CommunityCode}”的社区(村)。");
            return Outcome.Append(new SocialOrganisationRegistered(c.Name.Trim(), c.Status, c.Fields.Where(f => !string.IsNullOrWhiteSpace(f)).Select(f => f.Trim()).ToArray(),
                community?.Code, community?.Name, c.Contacts));
        }, WriteAccess.Participation);

    public Task<CommandResult> ChangeStatusAsync(string status, DateOnly on, CommandContext context) =>
        writer.WriteAsync<SocialOrganisation>(this.GetPrimaryKey(), context, o =>
            o is null ? Outcome.Refuse(404, "id", "No such organisation.", "找不到该社会组织。")
            : !PoolCodes.OrganisationStatuses.ContainsKey(status) ? Outcome.Refuse(400, "status", "status must be registered or incubating.", "状态须为 registered 或 incubating。")
            : o.Status == status ? Outcome.Unchanged
            : Outcome.Append(new SocialOrganisationStatusChanged(status, on)), WriteAccess.Participation);
}
