using Platform.Abstractions.Commands;
using Platform.Plugins.Smart.Live;

namespace Platform.Plugins.Smart.Commands;

[GrainType("smart.command")]
internal sealed class CommandGrain(EventWriter writer, TimeProvider clock, LiveFeed feed) : Grain, ICommandGrain
{
    private Guid Id => this.GetPrimaryKey();

    private static CommandContext Platform(string reason) =>
        new("platform", reason, Guid.NewGuid().ToString("N")) { Scope = CallerScope.Everywhere };

    public Task<CommandResult> QueueAsync(QueueCommand c, CommandContext context)
    {
        var now = clock.GetUtcNow();
        return Write(context, "queued", command => command is not null ? Outcome.Refuse(409, "id", "This command exists already.", "该指令已存在。")
            : Outcome.Append(new CommandQueued(c.DeviceId, c.DeviceName, c.Lon, c.Lat, c.Method, c.Params, c.RequestId, c.TtlSeconds,
                now.AddSeconds(c.TtlSeconds), c.MaxRetries, now)).At(c.Lon, c.Lat, "deviceId"));
    }

    public Task<CommandResult> SendingAsync()
    {
        var now = clock.GetUtcNow();
        return Write(Platform("下发设备指令"), "sent", c =>
            c is null ? Unknown()
            : !c.Pending ? Outcome.Refuse(409, "state", $"The command is {c.State}.", $"该指令已{CommandStates.NameZh(c.State)}。")
            : c.ExpiresAt <= now ? Outcome.Append(new CommandExpired(now))
            : c.Attempts >= 1 + c.MaxRetries ? Outcome.Append(new CommandFailed($"No acknowledgement after {c.Attempts} sends.", now))
            : Outcome.Append(new CommandSent(c.Attempts + 1, now)));
    }

    public Task<CommandResult> DeliveredAsync() => Write(Platform("设备确认收到指令"), "delivered", c =>
        c is null ? Unknown() : c.State == CommandStates.Sent ? Outcome.Append(new CommandDelivered(clock.GetUtcNow())) : Outcome.Unchanged);

    public Task<CommandResult> AnsweredAsync(string response) => Write(Platform("设备答复指令"), "answered", c =>
        c is null ? Unknown() : c.State is CommandStates.Sent or CommandStates.Delivered ? Outcome.Append(new CommandAnswered(response, clock.GetUtcNow())) : Outcome.Unchanged);

    public Task<CommandResult> ExpireAsync()
    {
        var now = clock.GetUtcNow();
        return Write(Platform("指令有效期已过"), "expired", c =>
            c is null ? Unknown() : c.Pending && c.ExpiresAt <= now ? Outcome.Append(new CommandExpired(now)) : Outcome.Unchanged);
    }

    private static Outcome Unknown() => Outcome.Refuse(404, "id", "No command is registered under this id.", "找不到该指令。");

    private async Task<CommandResult> Write(CommandContext context, string change, Func<CommandView?, Outcome> decide)
    {
        var result = await writer.WriteAsync(Id, context, decide);
        if (result.Accepted)
            feed.Publish("command", new CommandNotice(Id, change));
        return result;
    }
}

/// <summary>A command's change, pushed to the command centre (which then reads the command).</summary>
public sealed record CommandNotice(Guid Id, string Change);
