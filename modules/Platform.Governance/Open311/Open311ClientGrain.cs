using Platform.Abstractions.Commands;

namespace Platform.Governance.Open311;

/// <summary>The single writer of one Open311 client's stream.</summary>
public interface IOpen311ClientGrain : IGrainWithGuidKey
{
    Task<CommandResult> RegisterAsync(string name, string keyHash, CommandContext context);

    Task<CommandResult> RevokeAsync(string reason, CommandContext context);
}

[GrainType("governance.open311_client")]
internal sealed class Open311ClientGrain(EventWriter writer, TimeProvider clock) : Grain, IOpen311ClientGrain
{
    public Task<CommandResult> RegisterAsync(string name, string keyHash, CommandContext context) =>
        writer.WriteAsync<Open311Client>(this.GetPrimaryKey(), context, existing =>
            existing is not null ? Outcome.Refuse(409, "id", "The client is already registered.", "该客户端已登记。")
            : string.IsNullOrWhiteSpace(name) || name.Length > 100 ? Outcome.Refuse(400, "name", "The client's name is required (at most 100 characters).", "客户端名称必填（不超过 100 字）。")
            : Outcome.Append(new Open311ClientRegistered(name.Trim(), keyHash, clock.GetUtcNow())), WriteAccess.Participation);

    public Task<CommandResult> RevokeAsync(string reason, CommandContext context) =>
        writer.WriteAsync<Open311Client>(this.GetPrimaryKey(), context, existing =>
            existing is null ? Outcome.Refuse(404, "id", "No such Open311 client.", "找不到该 Open311 客户端。")
            : existing.Revoked ? Outcome.Refuse(409, "id", "The key is already revoked.", "该密钥已吊销。")
            : string.IsNullOrWhiteSpace(reason) || reason.Length > 200 ? Outcome.Refuse(400, "reason", "Say why the key is revoked (at most 200 characters).", "须说明吊销原因（不超过 200 字）。")
            : Outcome.Append(new Open311ClientRevoked(reason.Trim(), clock.GetUtcNow())), WriteAccess.Participation);
}
