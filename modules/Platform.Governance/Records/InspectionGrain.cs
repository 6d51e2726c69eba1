using Platform.Abstractions.Commands;
using Platform.Governance.Complaints;
using Platform.Abstractions.Media;

namespace Platform.Governance.Records;

[GrainType("governance.inspection")]
internal sealed class InspectionGrain(EventWriter writer) : Grain, IInspectionGrain
{
    public Task<CommandResult> HoldAsync(HoldInspection c, CommandContext context) =>
        writer.WriteAsync<Inspection>(this.GetPrimaryKey(), context, existing =>
        {
            if (existing is not null)
                return Outcome.Refuse(409, "id", "The inspection is already recorded.", "该检查已登记。");
            if (ChecklistTemplates.Find(c.Template) is not { } template)
                return Outcome.Refuse(400, "template", $"Unknown checklist '{c.Template}'; see GET /api/governance/checklists.", "未知的检查表，见 /api/governance/checklists。");
            if (template.Kind == "routine" ? c.TargetKind != "compound" : !ChecklistTemplates.BusinessKindsZh.ContainsKey(c.TargetKind))
                return Outcome.Refuse(400, "targetKind", template.Kind == "routine" ? "Routine checklists inspect compounds." : "The business checklist inspects a shop, firm or site.",
                    template.Kind == "routine" ? "日常检查的对象须为小区。" : "复工复产检查的对象须为商铺、企业或在建工地。");
            if (string.IsNullOrWhiteSpace(c.TargetName))
                return Outcome.Refuse(400, "targetName", "The inspected place is named.", "须填写检查对象名称。");
            for (var i = 0; i < c.Items.Length; i++)
                if (!template.Items.Contains(c.Items[i].Item))
                    return Outcome.Refuse(400, $"items[{i}].item", $"'{c.Items[i].Item}' is not an item of the {template.NameEn} checklist.", $"“{c.Items[i].Item}”不是“{template.NameZh}”检查表的项目。");
            for (var i = 0; i < c.Findings.Length; i++)
            {
                if (string.IsNullOrWhiteSpace(c.Findings[i].Description))
                    return Outcome.Refuse(400, $"findings[{i}].description", "Each finding is described.", "每个问题须有描述。");
                if (c.Findings[i].DeadlineOn < c.HeldOn)
                    return Outcome.Refuse(400, $"findings[{i}].deadlineOn", "The rectification deadline is not before the inspection.", "整改期限不能早于检查日期。");
            }
            return Outcome.Append(new InspectionHeld(template.Kind, template.Code, c.TargetKind, c.TargetName.Trim(), c.CompoundId, c.Lon, c.Lat, c.HeldOn,
                context.UserId, c.Random, c.Items, c.Findings)).At(c.Lon, c.Lat, "location");
        });

    public Task<CommandResult> RectifyAsync(Guid findingId, DateOnly rectifiedOn, string proof, CommandContext context) =>
        writer.WriteAsync<Inspection>(this.GetPrimaryKey(), context, i =>
            i is null ? Outcome.Refuse(404, "id", "No such inspection.", "找不到该检查。")
            : i.Findings.FirstOrDefault(f => f.Id == findingId) is not { } f ? Outcome.Refuse(404, "findingId", "No such finding in this inspection.", "该检查没有这个问题。")
            : i.Closed || f.VerifiedOn is not null ? Outcome.Refuse(409, "findingId", "The finding was verified and the inspection closed; nothing more is rectified.", "该问题已复查销号，不能再登记整改。")
            : string.IsNullOrWhiteSpace(proof) ? Outcome.Refuse(400, "proof", "A rectification comes with its proof.", "整改须附整改情况说明或照片。")
            : rectifiedOn < i.HeldOn ? Outcome.Refuse(400, "rectifiedOn", "A finding is not rectified before it was found.", "整改日期不能早于检查日期。")
            : Outcome.Append(new FindingRectified(findingId, rectifiedOn, proof.Trim())));

    public Task<CommandResult> VerifyAsync(Guid findingId, DateOnly verifiedOn, CommandContext context) =>
        writer.WriteAsync<Inspection>(this.GetPrimaryKey(), context, i =>
            i is null ? Outcome.Refuse(404, "id", "No such inspection.", "找不到该检查。")
            : i.Findings.FirstOrDefault(f => f.Id == findingId) is not { } f ? Outcome.Refuse(404, "findingId", "No such finding in this inspection.", "该检查没有这个问题。")
            : f.VerifiedOn is not null ? Outcome.Refuse(409, "findingId", "The finding is already verified.", "该问题已复查。")
            : f.RectifiedOn is null ? Outcome.Refuse(409, "findingId", "The finding is not rectified yet.", "该问题尚未整改。")
            : verifiedOn < f.RectifiedOn ? Outcome.Refuse(400, "verifiedOn", "Verification comes after rectification.", "复查日期不能早于整改日期。")
            : Outcome.Append(new FindingVerified(findingId, verifiedOn)));

    public Task<CommandResult> AttachPhotoAsync(Guid findingId, string stage, byte[] data, CommandContext context) =>
        writer.WriteAsync<Inspection>(this.GetPrimaryKey(), context, i =>
        {
            if (i is null)
                return Outcome.Refuse(404, "id", "No such inspection.", "找不到该检查。");
            if (i.Findings.FirstOrDefault(f => f.Id == findingId) is not { } f)
                return Outcome.Refuse(404, "findingId", "No such finding in this inspection.", "该检查没有这个问题。");
            if (stage is not ("finding" or "rectification"))
                return Outcome.Refuse(400, "stage", "stage is finding (the problem as found) or rectification.", "stage 须为 finding（问题照片）或 rectification（整改照片）。");
            if (f.VerifiedOn is not null)
                return Outcome.Refuse(409, "findingId", "The finding was verified and closed; no more photos are added.", "该问题已复查销号，不能再添加照片。");
            if (f.Photos.Count >= 6)
                return Outcome.Refuse(400, "photo", "A finding has at most 6 photos.", "每个问题最多 6 张照片。");
            var (clean, type, reason, reasonZh) = PhotosAreImagesWithoutTheirLocationRule.Check(data);
            return clean is null ? Outcome.Refuse(400, "photo", reason!, reasonZh!) : Outcome.Append(new FindingPhotoAttached(findingId, Guid.NewGuid(), stage, type!, clean));
        });
}
