using Marten;
using Platform.Abstractions.Commands;

namespace Platform.Linkage.Pools;

[GrainType("linkage.social_worker")]
internal sealed class SocialWorkerGrain(EventWriter writer, IDocumentStore store) : Grain, ISocialWorkerGrain
{
    public Task<CommandResult> RegisterAsync(RegisterSocialWorker c, CommandContext context) =>
        writer.WriteAsync<SocialWorker>(this.GetPrimaryKey(), context, async w =>
        {
            if (w is not null)
                return Outcome.Refuse(409, "id", "The social worker is already registered.", "该社工已登记。");
            if (string.IsNullOrWhiteSpace(c.Name))
                return Outcome.Refuse(400, "name", "The name is required.", "社工姓名必填。");
            if (!PoolCodes.CertificateLevels.ContainsKey(c.Level))
                return Outcome.Refuse(400, "level", "level must be assistant (助理社会工作师), intermediate (社会工作师) or senior (高级社会工作师).",
                    "证书等级须为 assistant（助理社会工作师）、intermediate（社会工作师）或 senior（高级社会工作师）。");
            SocialOrganisation? organisation = null;
            if (c.OrganisationId is { } id)
            {
                await using var session = store.QuerySession();
                if ((organisation = await session.LoadAsync<SocialOrganisation>(id)) is null)
                    return Outcome.Refuse(400, "organisationId", "There is no such social organisation.", "找不到该社会组织。");
            }
            return Outcome.Append(new SocialWorkerRegistered(c.Name.Trim(), c.Level, c.Skills.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim()).ToArray(),
                organisation?.Id, organisation?.Name, c.Available, c.Phone));
        }, WriteAccess.Participation);

    public Task<CommandResult> SetAvailabilityAsync(bool available, CommandContext context) =>
        writer.WriteAsync<SocialWorker>(this.GetPrimaryKey(), context, w =>
            w is null ? Outcome.Refuse(404, "id", "No such social worker.", "找不到该社工。")
            : w.Available == available ? Outcome.Unchanged
            : Outcome.Append(new SocialWorkerAvailabilityChanged(available)), WriteAccess.Participation);
}
