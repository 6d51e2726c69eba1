using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Marten;
using Platform.Abstractions.Commands;

namespace Platform.Campaigns.Passes;

[GrainType("campaigns.entrance")]
internal sealed partial class EntranceGrain(EventWriter writer, IDocumentStore store, TimeProvider clock) : Grain, IEntranceGrain
{
    public Task<CommandResult> IssueAsync(IssueEntrancePass c, CommandContext context) =>
        writer.WriteAsync<EntrancePass>(this.GetPrimaryKey(), context, existing =>
            existing is { Code.Length: > 0 } ? Outcome.Refuse(409, "id", "The entrance already has a pass; revoke it to issue a new one.", "该出入口已有二维码，须先作废再重新生成。")
            : string.IsNullOrWhiteSpace(c.Name) ? Outcome.Refuse(400, "name", "The entrance is named.", "须填写出入口名称。")
            : Outcome.Append(new EntrancePassIssued(c.CompoundId, c.CompoundName, c.CompoundKind, c.Name.Trim(), c.Lon, c.Lat, NewCode(), clock.GetUtcNow())).At(c.Lon, c.Lat, "compoundId"));

    public Task<CommandResult> RevokeAsync(string reason, CommandContext context) =>
        writer.WriteAsync<EntrancePass>(this.GetPrimaryKey(), context, existing =>
            existing is null ? Outcome.Refuse(404, "id", "No pass was issued to this entrance.", "该出入口尚未生成二维码。")
            : string.IsNullOrWhiteSpace(reason) || reason.Length > 200 ? Outcome.Refuse(400, "reason", "Give the reason (at most 200 characters).", "须填写作废原因（不超过 200 字）。")
            : Outcome.Append(
                new EntrancePassRevoked(existing.Code, reason.Trim(), clock.GetUtcNow()),
                new EntrancePassIssued(existing.CompoundId, existing.CompoundName, existing.CompoundKind, existing.Name, existing.Lon, existing.Lat, NewCode(), clock.GetUtcNow())));

    public async Task<EntryResult> RecordEntryAsync(RecordEntry c)
    {
        await using var session = store.LightweightSession();
        var pass = await session.LoadAsync<EntrancePass>(this.GetPrimaryKey());
        if (pass is null || (pass.Code != c.Code && !pass.RevokedCodes.Contains(c.Code)))
            return Refused(404, "code", "No entrance has this code.", "二维码无效：找不到对应的出入口。");
        if (pass.Code != c.Code)
            return Refused(409, "code", "This code was revoked; scan the entrance's new poster.", "该二维码已作废，请扫描出入口张贴的新二维码。");
        var scheme = (await session.LoadAsync<PassScheme>(PassScheme.StreamId))?.Categories ?? [.. PassScheme.Default];
        if (scheme.FirstOrDefault(x => x.Code == c.Category) is not { } category)
            return Refused(400, "category", $"category is {string.Join(" or ", scheme.Select(x => x.Code))}.", $"通行卡类别须为{string.Join("或", scheme.Select(x => x.NameZh))}。");
        var name = (c.Name ?? "").Trim();
        if (name.Length is < 1 or > 20)
            return Refused(400, "name", "name is 1–20 characters.", "姓名须为 1–20 个字。");
        if (!Phone().IsMatch(c.Phone ?? ""))
            return Refused(400, "phone", "phone is an 11-digit mobile number.", "手机号须为 11 位数字。");
        var at = clock.GetUtcNow();
        var day = ChinaTime.DayOf(at);
        var receipt = new EntryReceipt(NewPassNo(), category.Code, category.NameZh, category.Colour, pass.CompoundName, pass.Name, at);
        session.Store(new EntryRecord { Id = Guid.NewGuid(), EntranceId = pass.Id, CompoundId = pass.CompoundId, Category = category.Code, PassNo = receipt.PassNo, Name = name, Phone = c.Phone!, At = at });
        // The grain is the only writer of its entrance's counts: read, add one, store, without a race.
        var countId = EntranceDayCount.IdOf(pass.Id, day, category.Code);
        var count = await session.LoadAsync<EntranceDayCount>(countId)
            ?? new EntranceDayCount { Id = countId, EntranceId = pass.Id, CompoundId = pass.CompoundId, Day = day, Category = category.Code };
        count.Count++;
        session.Store(count);
        await session.SaveChangesAsync();
        return new EntryResult(null, receipt);
    }

    private static EntryResult Refused(int status, string field, string reason, string reasonZh) => new(new Rejection(status, field, reason, reasonZh), null);

    private static string NewCode() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(10));

    // No 0/O, 1/I/L: read aloud at a gate.
    private static string NewPassNo() => RandomNumberGenerator.GetString("23456789ABCDEFGHJKMNPQRSTUVWXYZ", 8);

    [GeneratedRegex("^1[3-9][0-9]{9}$")]
    private static partial Regex Phone();
}
