using Platform.Abstractions.Commands;

namespace Platform.Campaigns.Work;

[GrainType("campaigns.exchange")]
internal sealed class ExchangeGrain(EventWriter writer) : Grain, IExchangeGrain
{
    internal static readonly string[] Kinds = ["event", "membership", "agreement"];

    public Task<CommandResult> RecordAsync(RecordExchange c, CommandContext context) =>
        writer.WriteAsync<Exchange>(this.GetPrimaryKey(), context, existing =>
            existing is not null ? Outcome.Refuse(409, "id", "The exchange is already recorded.", "该交流活动已登记。")
            : !Kinds.Contains(c.Kind) ? Outcome.Refuse(400, "kind", "kind is event, membership or agreement.", "类型须为 event（活动）、membership（加入组织）或 agreement（合作协议）。")
            : string.IsNullOrWhiteSpace(c.Title) || c.Title.Length > 100 ? Outcome.Refuse(400, "title", "title is 1–100 characters.", "标题须为 1–100 字。")
            : c.Partners.Length is 0 or > 50 || c.Partners.Any(p => string.IsNullOrWhiteSpace(p) || p.Length > 80) ? Outcome.Refuse(400, "partners", "Name 1 to 50 partners (each 1–80 characters).", "须列出 1 到 50 个合作方（每个 1–80 字）。")
            : c.Enterprises is < 0 or > 10000 ? Outcome.Refuse(400, "enterprises", "enterprises is 0 to 10000.", "出席企业数须在 0 到 10000 之间。")
            : c.Organisations is < 0 or > 10000 ? Outcome.Refuse(400, "organisations", "organisations is 0 to 10000.", "出席社会组织数须在 0 到 10000 之间。")
            : c.Residents is < 0 or > 100000 ? Outcome.Refuse(400, "residents", "residents is 0 to 100000.", "参与居民数须在 0 到 100000 之间。")
            : c.Kind == "agreement" && c.Agreements.Length == 0 ? Outcome.Refuse(400, "agreements", "An agreement names what was signed.", "合作协议须列出签署的协议。")
            : Outcome.Append(new ExchangeRecorded(c.Kind, c.Title.Trim(), c.HeldOn, [.. c.Partners.Select(p => p.Trim())], c.Enterprises, c.Organisations, c.Residents, c.Agreements, c.Summary?.Trim())),
            WriteAccess.Participation);
}
