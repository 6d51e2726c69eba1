using System.Buffers;
using System.Globalization;
using System.Text;
using Marten;
using Microsoft.Extensions.Logging;
using Platform.Plugins.Smart.Devices;
using Platform.Plugins.Smart.Telemetry;
using Platform.Plugins.Smart.Gateway;

namespace Platform.Plugins.Smart.Demo;

/// <summary>
/// The demo's 鹿溪河畔 devices reporting (<c>Platform:Smart:DemoPublisher=true</c>): every 5 s each sends a ThingsBoard
/// telemetry message through the same ingest as the broker (stored, last values, rules), so the live map moves from the
/// first start. Temperatures are drawn around 36.5 °C, now and then above 37.3 for a while, so the fever rule fires and clears.
/// </summary>
public sealed class DemoPublisher(IDocumentStore store, TelemetryIngest ingest, ILogger<DemoPublisher> logger)
{
    private CancellationTokenSource? _stop;

    public void Start()
    {
        _stop = new CancellationTokenSource();
        _ = Task.Run(() => RunAsync(_stop.Token));
        logger.LogInformation("Smart demo publisher on: 鹿溪河畔 devices report every 5 s");
    }

    public void Stop() => _stop?.Cancel();

    private async Task RunAsync(CancellationToken ct)
    {
        var random = new Random(19);
        var tick = 0;
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await using var session = store.QuerySession();
                var devices = (await session.Query<DeviceView>().Where(d => d.Compound == SmartDemo.Pilot).ToListAsync(ct)).Where(d => d.RetiredOn is null && d.Status != DeviceStatuses.Maintenance).ToList();
                foreach (var d in devices)
                {
                    var json = d.Kind switch
                    {
                        "temperature_check" => $"{{\"temperature\":{(tick % 24 is >= 12 and < 16 ? 37.6 + random.NextDouble() * 0.4 : 36.2 + random.NextDouble() * 0.7).ToString("0.0", CultureInfo.InvariantCulture)},\"passes\":{random.Next(0, 6)}}}",
                        "barrier_gate" => $"{{\"open\":{(random.Next(4) == 0 ? "true" : "false")},\"vehicles\":{random.Next(0, 4)}}}",
                        "face_gate" => $"{{\"passes\":{random.Next(0, 8)},\"denied\":{random.Next(0, 2)}}}",
                        "camera" => $"{{\"fps\":{random.Next(24, 26)},\"bitrateKbps\":{random.Next(1800, 2200)}}}",
                        _ => $"{{\"uptime\":{tick * 5}}}",
                    };
                    await ingest.IngestAsync(d.Id, new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(json)), attributes: false);
                }
                tick++;
                await Task.Delay(TimeSpan.FromSeconds(5), ct);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning("Smart demo publisher: {Error}", e.Message);
                await Task.Delay(TimeSpan.FromSeconds(5), ct).ContinueWith(_ => { }, CancellationToken.None);
            }
        }
    }
}
