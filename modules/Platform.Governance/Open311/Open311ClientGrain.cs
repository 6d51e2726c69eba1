using Platform.Abstractions.Commands;

namespace Platform.Governance.Open311;

/// <summary>The single writer of one Open311 client's stream.</summary>
public interface IOpen311ClientGrain : IGrainWithGuidKey
{
    Task<CommandResult> RegisterAsync(string name, string keyHash, CommandContext context);
}

[GrainType("governance.open311_client")]
internal sealed class Open311ClientGrain(EventWriter writer, TimeProvider clock) : Grain, IOpen311ClientGrain
{
    public Task<CommandResult> RegisterAsync(string name, string keyHash, CommandContext context) =>
        writer.WriteAsync<Open311Client>(this.GetPrimaryKey(), context, existing =>
            existing is not null ? Outcome.Refuse(409, "id", "The client is already registered.", "该客户端已登记。")
            : string.IsNullOrWhiteSpace(name) || name.Length > 100 ? Outcome.Refuse(400, "name", "The client's name is required (at most 100 characters).", "客户端名称必填（不超过 100 字）。")
            : Outcome.Append(new Open311ClientRegistered(name.Trim(), keyHash, clock.GetUtcNow())), WriteAccess.Participation);
}
