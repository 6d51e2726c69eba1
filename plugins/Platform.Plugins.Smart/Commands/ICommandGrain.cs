using Platform.Abstractions.Commands;

namespace Platform.Plugins.Smart.Commands;

/// <summary>The single writer of a device command's stream: queued, sent, delivered, answered, expired or failed.</summary>
public interface ICommandGrain : IGrainWithGuidKey
{
    Task<CommandResult> QueueAsync(QueueCommand command, CommandContext context);

    /// <summary>Records a send; refused when the command is no longer pending, expired, or out of retries (then failed).</summary>
    Task<CommandResult> SendingAsync();

    Task<CommandResult> DeliveredAsync();

    Task<CommandResult> AnsweredAsync(string response);

    Task<CommandResult> ExpireAsync();
}

[GenerateSerializer, Immutable]
public sealed record QueueCommand(
    [property: Id(0)] Guid DeviceId, [property: Id(1)] string DeviceName, [property: Id(2)] double Lon, [property: Id(3)] double Lat,
    [property: Id(4)] string Method, [property: Id(5)] string Params, [property: Id(6)] int RequestId, [property: Id(7)] int TtlSeconds,
    [property: Id(8)] int MaxRetries);
