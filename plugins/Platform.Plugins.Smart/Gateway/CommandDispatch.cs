using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Platform.Plugins.Smart.Settings;
using Platform.Plugins.Smart.Commands;

namespace Platform.Plugins.Smart.Gateway;

/// <summary>
/// Gets commands to devices: at once when the device is connected, otherwise when it next subscribes to its RPC topic;
/// resends a sent command that was not acknowledged within <see cref="ResendAfter"/> (one retry each time, up to the
/// command's limit); expires what outlived its time-to-live (a sweep every <c>Platform:Smart:CommandSweepMilliseconds</c>,
/// so expiry survives restarts).
/// </summary>
public sealed class CommandDispatch(IServiceProvider services, IGrainFactory grains, IDocumentStore store, SmartOptions options, TimeProvider clock, ILogger<CommandDispatch> logger)
{
    public static readonly TimeSpan ResendAfter = TimeSpan.FromSeconds(10);
    private readonly SemaphoreSlim _deliveries = new(1, 1);
    private CancellationTokenSource? _stop;

    private MqttBroker Broker => services.GetRequiredService<MqttBroker>();

    public void Start()
    {
        _stop = new CancellationTokenSource();
        _ = Task.Run(() => SweepLoopAsync(_stop.Token));
    }

    public void Stop() => _stop?.Cancel();

    /// <summary>Sends the device's pending commands, oldest first, if it is connected.</summary>
    public async Task DeliverPendingAsync(Guid device)
    {
        if (!Broker.IsConnected(device))
            return;
        await _deliveries.WaitAsync();
        try
        {
            await using var session = store.QuerySession();
            var now = clock.GetUtcNow();
            var pending = await session.Query<CommandView>()
                .Where(c => c.DeviceId == device && (c.State == CommandStates.Queued || c.State == CommandStates.Sent))
                .OrderBy(c => c.QueuedAt).ToListAsync();
            foreach (var c in pending)
                await SendAsync(c, now);
        }
        catch (Exception e)
        {
            logger.LogWarning("Commands of device {Device} not delivered: {Error}", device, e.Message);
        }
        finally
        {
            _deliveries.Release();
        }
    }

    public async Task DeliveredAsync(Guid device, int requestId)
    {
        if (await FindAsync(device, requestId) is { } id)
            await grains.GetGrain<ICommandGrain>(id).DeliveredAsync();
    }

    public async Task AnsweredAsync(Guid device, int requestId, string response)
    {
        if (await FindAsync(device, requestId) is { } id)
            await grains.GetGrain<ICommandGrain>(id).AnsweredAsync(response.Length > 4096 ? response[..4096] : response);
    }

    private async Task SendAsync(CommandView c, DateTimeOffset now)
    {
        var result = await grains.GetGrain<ICommandGrain>(c.Id).SendingAsync();
        if (!result.Accepted)
            return;
        await using var session = store.QuerySession();
        // Sending may have expired or failed the command instead: only a command now marked sent goes out.
        if (await session.LoadAsync<CommandView>(c.Id) is not { State: CommandStates.Sent } sent)
            return;
        var payload = JsonSerializer.Serialize(new { method = sent.Method, @params = JsonDocument.Parse(sent.Params).RootElement });
        await Broker.SendRpcAsync(c.DeviceId, c.RequestId, payload);
    }

    private async Task<Guid?> FindAsync(Guid device, int requestId)
    {
        await using var session = store.QuerySession();
        return (await session.Query<CommandView>().Where(c => c.DeviceId == device && c.RequestId == requestId).Select(c => c.Id).ToListAsync()).FirstOrDefault() is var id && id != Guid.Empty ? id : null;
    }

    private async Task SweepLoopAsync(CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(options.CommandSweepMilliseconds, ct);
                var now = clock.GetUtcNow();
                await using var session = store.QuerySession();
                var pending = await session.Query<CommandView>().Where(c => c.State == CommandStates.Queued || c.State == CommandStates.Sent).ToListAsync(ct);
                foreach (var c in pending)
                {
                    if (c.ExpiresAt <= now)
                        await grains.GetGrain<ICommandGrain>(c.Id).ExpireAsync();
                    else if (c.State == CommandStates.Sent && c.SentAt + ResendAfter <= now && Broker.IsConnected(c.DeviceId))
                        await SendAsync(c, now);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning("Command sweep failed: {Error}", e.Message);
            }
        }
    }
}
