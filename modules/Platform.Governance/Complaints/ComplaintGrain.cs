using System.Globalization;
using Marten;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Jurisdiction;
using Platform.Abstractions.Registers;
using Platform.Abstractions.Media;

namespace Platform.Governance.Complaints;

[GrainType("governance.complaint")]
internal sealed class ComplaintGrain(EventWriter writer, IDocumentStore store, IRegisterReader registers, IJurisdictionLocator jurisdiction, TimeProvider clock)
    : Grain, IComplaintGrain, IRemindable
{
    internal const string EscalationReminder = "escalation";

    public async Task<CommandResult> FileAsync(FileComplaint c, CommandContext context)
    {
        var result = await writer.WriteAsync<Complaint>(this.GetPrimaryKey(), context, async existing =>
        {
            if (existing is not null)
                return Outcome.Refuse(409, "id", "The complaint is already filed.", "该投诉已登记。");
            await using var session = store.QuerySession();
            var category = await session.LoadAsync<ComplaintCategory>(ComplaintCategory.StreamId(c.Category ?? ""));
            if (category is null || category.Retired)
                return Outcome.Refuse(400, "category", $"Unknown complaint category '{c.Category}'; see GET /api/governance/complaint-categories.", "未知的投诉类别，见 /api/governance/complaint-categories。");
            if (string.IsNullOrWhiteSpace(c.Description))
                return Outcome.Refuse(400, "description", "The description is required.", "投诉内容必填。");
            if (c.Description.Length > 4000)
                return Outcome.Refuse(400, "description", "The description is at most 4000 characters.", "投诉内容不能超过 4000 字。");
            if (!double.IsFinite(c.Lon) || !double.IsFinite(c.Lat) || c.Lon is < -180 or > 180 || c.Lat is < -90 or > 90)
                return Outcome.Refuse(400, "location", "The location is a longitude and latitude (EPSG:4490).", "位置须为经纬度。");
            if (AnswersProblem(category, c.Answers) is { } bad)
                return bad;
            var filedAt = c.FiledAt ?? clock.GetUtcNow();
            var date = DateOnly.FromDateTime(filedAt.UtcDateTime);
            var compound = await registers.CompoundAtAsync(c.Lon, c.Lat, date);
            var community = (await jurisdiction.CommunitiesOfAsync([(c.Lon, c.Lat)], date))[0];
            return Outcome.Append(new ComplaintFiled(category.Code, c.Description.Trim(), c.Lon, c.Lat, c.Address?.Trim(),
                compound?.Id, compound?.Name, community?.Code, community?.Name,
                ComplaintsGoToTheResponsibleBodyRule.RoutedTo(category, compound, community?.Name), category.Route,
                c.Answers.ToDictionary(a => a.Key, a => a.Value.Trim()), Blank(c.ReporterName), Blank(c.ReporterPhone), c.ReporterUser, c.Channel, c.Open311Client, c.MediaUrl,
                filedAt, filedAt.AddHours(category.AcceptWithinHours), filedAt.AddHours(category.RespondWithinHours))).At(c.Lon, c.Lat, "location");
        }, WriteAccess.Participation);
        if (result.Accepted)
            await ArmAsync();
        return result;
    }

    public async Task<CommandResult> ChangeStatusAsync(ChangeComplaintStatus c, CommandContext context)
    {
        var result = await writer.WriteAsync<Complaint>(this.GetPrimaryKey(), context, complaint =>
            complaint is null ? Outcome.Refuse(404, "id", "No such complaint.", "找不到该投诉。")
            : !ComplaintStatus.NamesZh.ContainsKey(c.Status ?? "") || c.Status == ComplaintStatus.Submitted
                ? Outcome.Refuse(400, "status", "status is accepted, in_progress, responded, closed or reopened.", "状态须为 accepted、in_progress、responded、closed 或 reopened。")
            : c.AsReporter && complaint.ReporterUser != context.UserId
                ? Outcome.Refuse(403, "id", "Only the reporter may confirm or reopen this complaint.", "只有投诉人本人可以确认或重新打开该投诉。")
            : c.AsReporter && !StatusChangesFollowTheComplaintProcessRule.IsReportersDecision(c.Status!)
                ? Outcome.Refuse(403, "status", "The reporter may only confirm (closed) or reopen a complaint.", "投诉人只能确认办结或重新打开投诉。")
            : !StatusChangesFollowTheComplaintProcessRule.Allows(complaint.Status, c.Status!)
                ? Outcome.Refuse(409, "status",
                    $"A {complaint.Status} complaint cannot become {c.Status}; next: {string.Join(", ", StatusChangesFollowTheComplaintProcessRule.After(complaint.Status).DefaultIfEmpty("none"))}.",
                    $"投诉当前为“{ComplaintStatus.NamesZh[complaint.Status]}”，不能改为“{ComplaintStatus.NamesZh[c.Status!]}”。")
            : c.Status == ComplaintStatus.Responded && string.IsNullOrWhiteSpace(c.Note)
                ? Outcome.Refuse(400, "note", "A response (处置回复) needs its text in note.", "处置回复须填写回复内容。")
            : Outcome.Append(new ComplaintStatusChanged(c.Status!, c.At ?? clock.GetUtcNow(), Blank(c.Note))),
            c.AsReporter ? WriteAccess.Participation : WriteAccess.RecordsCommunity);
        if (result.Accepted)
            await ArmAsync();
        return result;
    }

    public Task<CommandResult> AttachPhotoAsync(byte[] data, CommandContext context) =>
        writer.WriteAsync<Complaint>(this.GetPrimaryKey(), context, complaint =>
        {
            if (complaint is null)
                return Outcome.Refuse(404, "id", "No such complaint.", "找不到该投诉。");
            if (complaint.ReporterUser != context.UserId && !context.Scope.Covers(complaint.CommunityCode))
                return Outcome.Refuse(403, "id", "Only the reporter or staff of the community may add photos.", "只有投诉人或所在社区工作人员可以上传照片。");
            if (complaint.Status == ComplaintStatus.Closed)
                return Outcome.Refuse(409, "id", "The complaint is closed.", "该投诉已办结。");
            if (complaint.Photos.Count >= 6)
                return Outcome.Refuse(409, "photo", "A complaint has at most 6 photos.", "每件投诉最多 6 张照片。");
            var (clean, type, reason, reasonZh) = PhotosAreImagesWithoutTheirLocationRule.Check(data);
            return clean is null ? Outcome.Refuse(400, "photo", reason!, reasonZh!) : Outcome.Append(new ComplaintPhotoAttached(Guid.NewGuid(), type!, clean));
        }, WriteAccess.Participation);

    public async Task ArmAsync()
    {
        await using var session = store.QuerySession();
        var complaint = await session.LoadAsync<Complaint>(this.GetPrimaryKey());
        var next = complaint is null ? null : OverdueComplaintsEscalateOnceALevelRule.NextDeadline(complaint);
        if (next is { } due)
        {
            var wait = due - clock.GetUtcNow();
            await this.RegisterOrUpdateReminder(EscalationReminder, wait < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : wait, TimeSpan.FromHours(1));
        }
        else if (await this.GetReminder(EscalationReminder) is { } reminder)
            await this.UnregisterReminder(reminder);
    }

    public async Task ReceiveReminder(string reminderName, Orleans.Runtime.TickStatus status)
    {
        if (reminderName != EscalationReminder)
            return;
        var now = clock.GetUtcNow();
        await writer.WriteAsync<Complaint>(this.GetPrimaryKey(), CommandContext.System("投诉超时升级"), complaint =>
            complaint is null ? Outcome.Unchanged : Outcome.Append(OverdueComplaintsEscalateOnceALevelRule.Due(complaint, now)), WriteAccess.Participation);
        await ArmAsync();
    }

    private static Outcome? AnswersProblem(ComplaintCategory category, Dictionary<string, string> answers)
    {
        foreach (var key in answers.Keys.Where(k => category.Questions.All(q => q.Code != k)))
            return Outcome.Refuse(400, $"attribute[{key}]", $"The category {category.Code} asks no question '{key}'.", $"该类别没有附加问题“{key}”。");
        foreach (var q in category.Questions)
        {
            answers.TryGetValue(q.Code, out var value);
            var field = $"attribute[{q.Code}]";
            if (string.IsNullOrWhiteSpace(value))
            {
                if (q.Required)
                    return Outcome.Refuse(400, field, $"'{q.LabelEn}' is required for this category.", $"请回答“{q.LabelZh}”。");
                continue;
            }
            if (q.Datatype == "number" && !double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                return Outcome.Refuse(400, field, $"'{q.LabelEn}' is a number.", $"“{q.LabelZh}”须为数字。");
            if (q.Datatype == "datetime" && !DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                return Outcome.Refuse(400, field, $"'{q.LabelEn}' is a date and time (ISO 8601).", $"“{q.LabelZh}”须为日期时间。");
            if (q.Datatype == "singlevaluelist" && q.Values!.All(v => v.Key != value))
                return Outcome.Refuse(400, field, $"'{q.LabelEn}' is one of {string.Join(", ", q.Values!.Select(v => v.Key))}.", $"“{q.LabelZh}”的选项无效。");
        }
        return null;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>
/// An overdue complaint goes up one level per deadline it misses, once: to the community's head when it was not
/// accepted in time (or not answered in time), and to the street when it was not answered (处置回复) in time.
/// </summary>
internal static class OverdueComplaintsEscalateOnceALevelRule
{
    public static IEnumerable<object> Due(Complaint c, DateTimeOffset now)
    {
        var acceptOverdue = c.AcceptedAt is null && c.Status == ComplaintStatus.Submitted && now >= c.AcceptDueAt;
        var respondOverdue = c.RespondedAt is null && c.Status != ComplaintStatus.Closed && now >= c.RespondDueAt;
        if (c.EscalationLevel < 1 && (acceptOverdue || respondOverdue))
            yield return new ComplaintEscalated(1, ComplaintsGoToTheResponsibleBodyRule.EscalatesTo(1, c.CommunityName), acceptOverdue ? "accept" : "respond", now);
        if (c.EscalationLevel < 2 && respondOverdue)
            yield return new ComplaintEscalated(2, ComplaintsGoToTheResponsibleBodyRule.EscalatesTo(2, c.CommunityName), "respond", now);
    }

    /// <summary>When the complaint must next be looked at, or null when it can escalate no further.</summary>
    public static DateTimeOffset? NextDeadline(Complaint c)
    {
        if (c.Status == ComplaintStatus.Closed || c.RespondedAt is not null || c.EscalationLevel >= 2)
            return null;
        return c.EscalationLevel < 1 && c.AcceptedAt is null ? c.AcceptDueAt : c.RespondDueAt;
    }
}
