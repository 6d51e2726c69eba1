using Marten;
using Microsoft.Extensions.Options;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Jurisdiction;
using Platform.Linkage.Pools;

namespace Platform.Linkage.Projects;

[GrainType("linkage.fund_project")]
internal sealed class FundProjectGrain(EventWriter writer, IDocumentStore store, IJurisdictionLocator jurisdiction, IOptions<LinkageOptions> options, TimeProvider clock)
    : Grain, IFundProjectGrain
{
    private static readonly Rejection NotFound = new(404, "id", "No such fund project.", "找不到该资金项目。");

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    public Task<CommandResult> RegisterAsync(RegisterFundProject c, CommandContext context) =>
        writer.WriteAsync<FundProject>(this.GetPrimaryKey(), context, async project =>
        {
            if (project is not null)
                return Outcome.Refuse(409, "id", "The project is already registered.", "该项目已登记。");
            if (string.IsNullOrWhiteSpace(c.Title))
                return Outcome.Refuse(400, "title", "The title is required.", "项目名称必填。");
            if (c.Year is < 2000 or > 2100)
                return Outcome.Refuse(400, "year", "year must be between 2000 and 2100.", "年度须在 2000 至 2100 之间。");
            if (!FundTypes.All.ContainsKey(c.FundType))
                return Outcome.Refuse(400, "fundType", "fundType must be guarantee (保障资金) or incentive (激励资金).", "资金类型须为 guarantee（保障资金）或 incentive（激励资金）。");
            if (AmountMustBeWholeTenThousandthsOfAWanRule.Check(c.AmountWan, "amountWan") is { } badAmount)
                return badAmount;
            await using var session = store.QuerySession();
            var category = await session.LoadAsync<ProjectCategory>(ProjectCategoryGrain.IdOf(c.Category ?? ""));
            if (category is null || category.Retired)
                return Outcome.Refuse(400, "category", $"'{c.Category}' is not in the category list; see GET /api/linkage/categories.", $"“{c.Category}”不在项目类别列表中，见 /api/linkage/categories。");
            var community = (await jurisdiction.CommunitiesAsync(Today)).FirstOrDefault(u => u.Code == c.CommunityCode);
            if (community is null)
                return Outcome.Refuse(400, "communityCode", $"There is no community or village '{c.CommunityCode}' today.", $"没有编码为“{c.CommunityCode}”的社区(村)。");
            if (OnlyTheProjectsCommunityMayChangeItRule.Check(context, community.Code, community.Name) is { } denied)
                return denied;
            SocialOrganisation? partner = null;
            if (c.PartnerId is { } partnerId && (partner = await session.LoadAsync<SocialOrganisation>(partnerId)) is null)
                return Outcome.Refuse(400, "partnerId", "There is no such social organisation.", "找不到该合作社会组织。");
            return Outcome.Append(new FundProjectRegistered(c.Title.Trim(), c.Year, c.FundType, category.Name, c.AmountWan, community.Code, community.Name, partner?.Id, partner?.Name));
        }, WriteAccess.Participation);

    public Task<CommandResult> AttachDocumentAsync(AttachDocument c, CommandContext context) =>
        Change(context, p =>
        {
            var stage = ProjectStages.Find(c.Stage);
            if (stage is null)
                return Outcome.Refuse(400, "stage", $"Unknown stage '{c.Stage}'.", $"未知的阶段“{c.Stage}”。");
            if (stage.Documents.All(d => d.Kind != c.Kind))
                return Outcome.Refuse(400, "kind", $"{stage.NameEn} takes documents of kind {string.Join(", ", stage.Documents.Select(d => d.Kind))}.",
                    $"“{stage.NameZh}”阶段的材料类型为：{string.Join("、", stage.Documents.Select(d => $"{d.NameZh}（{d.Kind}）"))}。");
            return Outcome.Append(new ProjectDocumentAttached(c.DocumentId, stage.Code, c.Kind, c.FileName, c.ContentType, c.Bytes, c.Sha256));
        });

    public Task<CommandResult> RecordMeetingAsync(RecordMeeting c, CommandContext context) =>
        Change(context, p => DecisionNeedsAQuorumAndAMajorityRule.CheckRecord(c.Entitled, c.Attended, c.VotesFor, c.VotesAgainst) is { } bad ? bad
            : p.Stages.Any(s => s.Stage == "decision") ? Outcome.Refuse(409, "meeting", "The project has passed 民主议决; its meeting record is kept.", "项目已完成“民主议决”，会议记录不能再改。")
            : Outcome.Append(new MeetingRecorded(c.HeldOn, c.Entitled, c.Attended, c.VotesFor, c.VotesAgainst)));

    public Task<CommandResult> PostNoticeAsync(PostNotice c, CommandContext context) =>
        Change(context, p => c.To < c.From ? Outcome.Refuse(400, "to", "The notice cannot end before it starts.", "公示结束日期不能早于开始日期。")
            : p.Stages.Any(s => s.Stage == "review") ? Outcome.Refuse(409, "notice", "The project is under review; its notice is kept.", "项目已进入“立项评审”，公示期不能再改。")
            : Outcome.Append(new NoticePosted(c.From, c.To)));

    public Task<CommandResult> RecordReviewAsync(RecordReview c, CommandContext context) =>
        Change(context, p => string.IsNullOrWhiteSpace(c.Reviewers) ? Outcome.Refuse(400, "reviewers", "Name the reviewers.", "须填写评审人。")
            : p.Stages.Any(s => s.Stage == "implementation") ? Outcome.Refuse(409, "review", "The project is being implemented; its review is kept.", "项目已开展实施，评审记录不能再改。")
            : Outcome.Append(new ReviewRecorded(c.HeldOn, c.Reviewers.Trim(), c.Approved, c.Opinion)));

    public Task<CommandResult> EnterStageAsync(EnterStage c, CommandContext context) =>
        Change(context, p =>
        {
            if (ProjectStages.Find(c.Stage) is not { } stage)
                return Outcome.Refuse(400, "stage", $"Unknown stage '{c.Stage}'; stages: {string.Join(", ", ProjectStages.All.Select(s => s.Code))}.", $"未知的阶段“{c.Stage}”。");
            var days = options.Value.NoticeDays;
            var refusal = StagesFollowInOrderRule.Check(p, stage)
                ?? StageNeedsItsDocumentsRule.Check(p, stage)
                ?? stage.Code switch
                {
                    "decision" => DecisionNeedsAQuorumAndAMajorityRule.Check(p),
                    "notice" => NoticeMustRunItsFullPeriodBeforeReviewRule.CheckNotice(p, days),
                    "review" => NoticeMustRunItsFullPeriodBeforeReviewRule.CheckReview(p, days, Today) ?? ReviewNeedsTheReviewersDecisionRule.CheckReview(p),
                    "implementation" => ReviewNeedsTheReviewersDecisionRule.CheckImplementation(p)
                        ?? (p.FundType == FundTypes.Incentive && p.Decision is not { Approved: true }
                            ? new Rejection(409, "incentive", "An incentive project starts only once its incentive fund is approved.", "激励资金项目须获批后方可开展实施。")
                            : null),
                    _ => null,
                };
            return refusal is not null ? refusal : Outcome.Append(new ProjectStageEntered(stage.Code, Today));
        });

    public Task<CommandResult> ApplyForIncentiveAsync(ApplyForIncentive c, CommandContext context) =>
        Change(context, p => p.FundType != FundTypes.Incentive ? Outcome.Refuse(409, "fundType", "Only incentive-fund projects apply for incentives.", "只有激励资金项目可以申报激励资金。")
            : AmountMustBeWholeTenThousandthsOfAWanRule.Check(c.RequestedWan, "requestedWan") is { } bad ? bad
            : p.Decision is not null ? Outcome.Refuse(409, "application", "The application has been decided.", "该申报已有评审结果。")
            : Outcome.Append(new IncentiveApplied(c.On, c.RequestedWan)));

    public Task<CommandResult> DecideIncentiveAsync(DecideIncentive c, CommandContext context) =>
        Change(context, p => p.Application is not { } application ? Outcome.Refuse(409, "application", "The project has not applied for an incentive.", "该项目尚未申报激励资金。")
            : p.Decision is not null ? Outcome.Refuse(409, "decision", "The application has been decided.", "该申报已有评审结果。")
            : c.Approved && AmountMustBeWholeTenThousandthsOfAWanRule.Check(c.ApprovedWan, "approvedWan") is { } bad ? bad
            : c.Approved && c.ApprovedWan > application.RequestedWan ? Outcome.Refuse(400, "approvedWan", "The approved amount cannot exceed the amount requested.", "批准金额不能超过申报金额。")
            : Outcome.Append(new IncentiveDecided(c.On, c.Approved, c.Approved ? c.ApprovedWan : 0m)));

    public Task<CommandResult> ReportProgressAsync(ReportProgress c, CommandContext context) =>
        Change(context, p => p.Stage != "implementation" ? Outcome.Refuse(409, "stage", "Progress is reported once the project is being implemented.", "项目开展实施后方可报告进度。")
            : c.Percent is < 0 or > 100 ? Outcome.Refuse(400, "percent", "percent must be 0 to 100.", "进度须在 0 至 100 之间。")
            : Outcome.Append(new ProgressReported(c.On, c.Percent, c.Note ?? "")));

    public Task<CommandResult> RecordResultAsync(RecordResult c, CommandContext context) =>
        Change(context, p => p.Stage != "implementation" ? Outcome.Refuse(409, "stage", "Results are recorded once the project is being implemented.", "项目开展实施后方可登记成效。")
            : string.IsNullOrWhiteSpace(c.Summary) ? Outcome.Refuse(400, "summary", "Describe the result.", "须填写项目成效。")
            : Outcome.Append(new ResultRecorded(c.On, c.Summary.Trim())));

    public Task<CommandResult> RecordSupervisionCheckAsync(Guid checkId, RecordSupervisionCheck c, CommandContext context) =>
        Change(context, p => ProjectStages.Find(c.Stage) is null ? Outcome.Refuse(400, "stage", $"Unknown stage '{c.Stage}'.", $"未知的阶段“{c.Stage}”。")
            : string.IsNullOrWhiteSpace(c.Findings) ? Outcome.Refuse(400, "findings", "Record what the check found.", "须填写检查发现。")
            : Outcome.Append(new SupervisionChecked(checkId, c.Stage, c.On, c.TeamId, c.DocumentsComplete, c.Findings.Trim(), c.Support, c.FollowUpNeeded, c.FollowUpDone)));

    private Task<CommandResult> Change(CommandContext context, Func<FundProject, Outcome> decide) =>
        writer.WriteAsync<FundProject>(this.GetPrimaryKey(), context, p =>
            p is null ? NotFound
            : OnlyTheProjectsCommunityMayChangeItRule.Check(context, p.CommunityCode, p.CommunityName) is { } denied ? denied
            : decide(p), WriteAccess.Participation);
}
