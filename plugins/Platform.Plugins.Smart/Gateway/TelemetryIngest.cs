using System.Buffers;
using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Platform.Plugins.Smart.Devices;
using Platform.Plugins.Smart.Settings;
using Platform.Plugins.Smart.Telemetry;

namespace Platform.Plugins.Smart.Gateway;

/// <summary>
/// The one way in for readings, from the broker and from HTTP alike: checks the payload and its times, queues the rows
/// for the binary COPY, and hands them to the device's grain (last values, heartbeat, alarm rules). Every refusal is
/// counted by its code; an exception is counted as a failure and never reaches the broker.
/// </summary>
public sealed class TelemetryIngest(TelemetryStore store, IGrainFactory grains, SmartOptions options, TimeProvider clock, ILogger<TelemetryIngest> logger)
{
    private readonly ConcurrentDictionary<string, long> _refused = new(StringComparer.Ordinal);
    private long _messages;
    private long _readings;
    private long _failures;

    public long Messages => Interlocked.Read(ref _messages);
    public long Readings => Interlocked.Read(ref _readings);
    public long Failures => Interlocked.Read(ref _failures);
    public IReadOnlyDictionary<string, long> Refused => _refused;

    public void Count(string code) => _refused.AddOrUpdate(code, 1, (_, n) => n + 1);

    /// <summary>
    /// Checks and stores one message. With <paramref name="waitForDevice"/> (HTTP, the demo) the answer waits until the
    /// device's grain has taken the readings; without (MQTT) the PUBACK goes out once the rows are queued for COPY, and the
    /// grain's work (last values, rules) follows — a slow grain then never holds up the device's connection.
    /// </summary>
    public async Task<IngestRefusal?> IngestAsync(Guid device, ReadOnlySequence<byte> payload, bool attributes, bool waitForDevice = true)
    {
        try
        {
            var now = clock.GetUtcNow();
            var (readings, refusal) = TelemetryPayload.Parse(payload, now, now.AddDays(-options.RetentionDays).AddMinutes(5),
                now.AddSeconds(options.FutureToleranceSeconds), attributes);
            if (refusal is not null)
            {
                Count(refusal.Code);
                return refusal;
            }
            if (attributes)
                await store.UpsertAttributesAsync(device, readings!);
            else if (!await store.EnqueueAsync(device, readings!))
                return Stopping();
            Interlocked.Increment(ref _messages);
            Interlocked.Add(ref _readings, readings!.Length);
            var handed = HandAsync(device, new DeviceReadings(readings, now, attributes));
            if (waitForDevice)
                await handed;
            return null;
        }
        catch (Exception e)
        {
            Interlocked.Increment(ref _failures);
            logger.LogWarning("A message of device {Device} failed: {Error}", device, e.Message);
            return new IngestRefusal("failure", "payload", "The message could not be processed; try again.", "消息处理失败，请重试。");
        }
    }

    private async Task HandAsync(Guid device, DeviceReadings readings)
    {
        try
        {
            await grains.GetGrain<IDeviceGrain>(device).IngestAsync(readings);
        }
        catch (Exception e)
        {
            Interlocked.Increment(ref _failures);
            logger.LogWarning("Readings of device {Device} stored but not evaluated: {Error}", device, e.Message);
        }
    }

    private IngestRefusal Stopping()
    {
        Count("stopping");
        return new IngestRefusal("stopping", "payload", "The platform is stopping.", "平台正在停止。");
    }
}
