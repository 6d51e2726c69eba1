using Marten;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Jurisdiction;

namespace Platform.Linkage.Pools;

[GrainType("linkage.guidance_centre")]
internal sealed class GuidanceCentreGrain(EventWriter writer, IDocumentStore store, IJurisdictionLocator jurisdiction) : Grain, IGuidanceCentreGrain
{
    public Task<CommandResult> EstablishAsync(EstablishCentre c, CommandContext context) =>
        writer.WriteAsync<GuidanceCentre>(this.GetPrimaryKey(), context, async centre =>
        {
            if (centre is not null)
                return Outcome.Refuse(409, "id", "The centre is already established.", "指导中心已建立。");
            if (string.IsNullOrWhiteSpace(c.Name))
                return Outcome.Refuse(400, "name", "The name is required.", "名称必填。");
            if (await Communities.FindAsync(jurisdiction, c.CommunityCode, c.On) is not { } community)
                return Outcome.Refuse(400, "communityCode", $"There is no community or village '{c.CommunityCode}'.", $"没有编码为“{c.CommunityCode}”的社区(村)。");
            await using var session = store.QuerySession();
            var staff = await session.LoadManyAsync<SocialWorker>(c.StaffIds);
            if (staff.Count != c.StaffIds.Distinct().Count())
                return Outcome.Refuse(400, "staffIds", "Every staff member must be a social worker of the pool.", "中心工作人员须为社工人才库中的社工。");
            return Outcome.Append(new GuidanceCentreEstablished(c.Name.Trim(), community.Code, community.Name, c.On, c.StaffIds.Distinct().ToArray()));
        }, WriteAccess.Participation);

    public Task<CommandResult> IncubateAsync(IncubateProject c, CommandContext context) =>
        writer.WriteAsync<GuidanceCentre>(this.GetPrimaryKey(), context, async centre =>
        {
            if (centre is null)
                return Outcome.Refuse(404, "id", "No such centre.", "找不到该指导中心。");
            if (string.IsNullOrWhiteSpace(c.Name))
                return Outcome.Refuse(400, "name", "The project's name is required.", "精品项目名称必填。");
            if (await Communities.FindAsync(jurisdiction, c.CommunityCode, new DateOnly(c.Year, 12, 31)) is not { } community)
                return Outcome.Refuse(400, "communityCode", $"There is no community or village '{c.CommunityCode}'.", $"没有编码为“{c.CommunityCode}”的社区(村)。");
            return Outcome.Append(new BoutiqueProjectIncubated(c.ProjectId, c.Name.Trim(), community.Code, community.Name, c.OrganisationId, c.Year));
        }, WriteAccess.Participation);
}
