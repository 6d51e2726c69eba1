using Platform.Abstractions.Commands;

namespace Platform.Governance.Records;

[GrainType("governance.filing")]
internal sealed class FilingGrain(EventWriter writer) : Grain, IFilingGrain
{
    public Task<CommandResult> RecordAsync(RecordFiling c, CommandContext context) =>
        writer.WriteAsync<Filing>(this.GetPrimaryKey(), context, existing =>
            existing is not null ? Outcome.Refuse(409, "id", "The filing is already recorded.", "该备案已登记。")
            : !ChecklistTemplates.FilingKindsZh.ContainsKey(c.Kind) ? Outcome.Refuse(400, "kind", $"kind is one of {string.Join(", ", ChecklistTemplates.FilingKindsZh.Keys)}.", "备案类型无效。")
            : string.IsNullOrWhiteSpace(c.Parties) ? Outcome.Refuse(400, "parties", "The parties are named.", "须填写备案当事方。")
            : Outcome.Append(new FilingRecorded(c.Kind, c.CompoundId, c.CompoundName, c.Lon, c.Lat, c.FiledOn, c.Parties.Trim(), c.Documents)).At(c.Lon, c.Lat, "compoundId"));
}
