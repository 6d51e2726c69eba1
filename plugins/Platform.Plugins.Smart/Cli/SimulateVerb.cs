using System.Diagnostics;
using System.Globalization;
using System.Text;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MQTTnet;
using MQTTnet.Protocol;
using Platform.Abstractions.Cli;
using Platform.Abstractions.Commands;
using Platform.Plugins.Smart.Alarms;
using Platform.Plugins.Smart.Devices;
using Platform.Plugins.Smart.Profiles;
using Platform.Plugins.Smart.Telemetry;
using Platform.Plugins.Smart.Demo;
using Platform.Plugins.Smart.Settings;
using Platform.Plugins.Smart.Gateway;

namespace Platform.Plugins.Smart.Cli;

/// <summary>
/// <c>simulate --devices N --rate MSGS_PER_S --seconds S [--mqtt-host H] [--mqtt-port P] [--baseline]</c>: N simulated
/// temperature checks (created once, at 鹿溪河畔, model "simulator", with a fever rule) connect over MQTT with their access
/// tokens and publish ThingsBoard telemetry of three data points at the given total rate, with a progress line per second;
/// then it reports messages/s, rows stored, and the alarm latency (a reading above 37.3 every 500th message, the next
/// one back to normal: publish → alarm stored). <c>--baseline</c> also times raw binary COPY of as many rows in the same run.
/// Devices and tokens are kept in the data folder (<c>smart-simulator.tsv</c>) for the next run.
/// </summary>
internal sealed class SimulateVerb : ICliVerb
{
    public const string Model = "simulator";

    public string Name => "simulate";

    public string Usage => "simulate [--devices 100] [--rate 1000] [--seconds 60] [--mqtt-host 127.0.0.1] [--mqtt-port P] [--baseline]   MQTT devices for demos and the benchmark";

    public async Task<int> RunAsync(IReadOnlyList<string> args, IServiceProvider services, TextWriter output, CancellationToken ct)
    {
        string? Arg(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        int Int(string name, int fallback) => int.TryParse(Arg(name), CultureInfo.InvariantCulture, out var v) && v > 0 ? v : fallback;
        var count = Int("--devices", 100);
        var rate = Int("--rate", 1000);
        var seconds = Int("--seconds", 60);
        var options = services.GetRequiredService<SmartOptions>();
        var host = Arg("--mqtt-host") ?? "127.0.0.1";
        var port = Int("--mqtt-port", options.MqttPort);
        if (port <= 0)
        {
            output.WriteLine("No MQTT port: give --mqtt-port or Platform:Mqtt:Port.");
            return 2;
        }
        var store = services.GetRequiredService<IDocumentStore>();
        var telemetry = services.GetRequiredService<TelemetryStore>();
        var ingest = services.GetRequiredService<TelemetryIngest>();
        var dataDir = services.GetRequiredService<IConfiguration>()["Platform:DataDir"] ?? ".";

        var devices = await EnsureDevicesAsync(services, store, Path.Combine(dataDir, "smart-simulator.tsv"), count, output, ct);
        output.WriteLine($"Connecting {devices.Count} devices to {host}:{port} …");
        var factory = new MqttClientFactory();
        var clients = new IMqttClient[devices.Count];
        var connectWatch = Stopwatch.StartNew();
        using (var gate = new SemaphoreSlim(64))
        {
            await Task.WhenAll(devices.Select(async (d, i) =>
            {
                await gate.WaitAsync(ct);
                try
                {
                    var client = factory.CreateMqttClient();
                    var result = await client.ConnectAsync(new MqttClientOptionsBuilder().WithTcpServer(host, port).WithClientId($"sim-{i:D5}")
                        .WithCredentials(d.Token, "").WithCleanSession().WithKeepAlivePeriod(TimeSpan.FromSeconds(120)).WithTimeout(TimeSpan.FromSeconds(30)).Build(), ct);
                    if (result.ResultCode != MqttClientConnectResultCode.Success)
                        throw new InvalidOperationException($"device {i}: {result.ResultCode}");
                    clients[i] = client;
                }
                finally
                {
                    gate.Release();
                }
            }));
        }
        output.WriteLine($"{devices.Count} connected in {connectWatch.Elapsed.TotalSeconds:0.0} s. Publishing {rate} messages/s for {seconds} s (3 data points each) …");

        var rowsBefore = telemetry.Written;
        var messagesBefore = ingest.Messages;
        var started = DateTimeOffset.UtcNow;
        long sent = 0, acked = 0, failed = 0;
        var inflight = new SemaphoreSlim(4000);
        var random = new Random(19);
        var watch = Stopwatch.StartNew();
        var total = (long)rate * seconds;
        var fever = new bool[devices.Count];
        var lastProgress = TimeSpan.Zero;
        var tasks = new List<Task>();
        while (sent < total)
        {
            var due = Math.Min(total, (long)(watch.Elapsed.TotalSeconds * rate));
            while (sent < due)
            {
                var n = sent++;
                var i = (int)(n % devices.Count);
                // Every 500th message a fever reading, the device's next message back to normal (so the alarm clears and can fire again).
                var high = n % 500 == 0 && !fever[i];
                var temperature = high ? 38.5 : 36.0 + random.NextDouble();
                fever[i] = high;
                var payload = string.Create(CultureInfo.InvariantCulture,
                    $"{{\"ts\":{DateTimeOffset.UtcNow.ToUnixTimeMilliseconds()},\"values\":{{\"temperature\":{temperature:0.00},\"humidity\":{40 + random.Next(30)},\"battery\":{random.Next(20, 100)}}}}}");
                await inflight.WaitAsync(ct);
                tasks.Add(PublishAsync(clients[i], payload));
            }
            if (tasks.Count > 20_000)
                tasks.RemoveAll(t => t.IsCompleted);
            if (watch.Elapsed - lastProgress >= TimeSpan.FromSeconds(1))
            {
                lastProgress = watch.Elapsed;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {watch.Elapsed.TotalSeconds,5:0}s  sent {Interlocked.Read(ref sent),9}  acked {Interlocked.Read(ref acked),9}  {Interlocked.Read(ref acked) / watch.Elapsed.TotalSeconds,8:0} msg/s  rows stored {telemetry.Written - rowsBefore,10}  failed {Interlocked.Read(ref failed)}"));
            }
            await Task.Delay(5, ct);
        }
        await Task.WhenAll(tasks);
        var publishSeconds = watch.Elapsed.TotalSeconds;
        await telemetry.FlushAsync(TimeSpan.FromSeconds(120));
        var storedSeconds = watch.Elapsed.TotalSeconds;
        var rows = telemetry.Written - rowsBefore;
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Published {acked} messages ({failed} failed) in {publishSeconds:0.0} s: {acked / publishSeconds:0} msg/s; taken by the platform {ingest.Messages - messagesBefore}; rows stored {rows} in {storedSeconds:0.0} s: {rows / storedSeconds:0} rows/s ({rows / 3.0 / storedSeconds:0} msg/s end to end)."));

        await Task.Delay(2000, ct);
        await using (var session = store.QuerySession())
        {
            var ids = devices.Select(d => d.Id).ToHashSet();
            var raised = (await session.Query<AlarmView>().Where(a => a.RaisedAt >= started).ToListAsync(ct))
                .Where(a => ids.Contains(a.DeviceId) && a.ReadingAt is not null).ToList();
            void Latency(string what, IEnumerable<AlarmView> of)
            {
                var alarms = of.Select(a => (a.RaisedAt - a.ReadingAt!.Value).TotalMilliseconds).Order().ToList();
                if (alarms.Count > 0)
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"Alarm latency (reading stamped at publish → alarm stored), {what}, {alarms.Count} alarms: p50 {alarms[alarms.Count / 2]:0} ms, p99 {alarms[(int)Math.Min(alarms.Count - 1, Math.Ceiling(alarms.Count * 0.99) - 1)]:0} ms, max {alarms[^1]:0} ms."));
            }
            Latency("whole run", raised);
            // The first seconds include the device grains' activation (each loads its register entry and open alarms);
            // after them the figure is the steady state a running street sees.
            Latency("after the first 10 s", raised.Where(a => a.ReadingAt >= started.AddSeconds(10)));
        }
        if (args.Contains("--baseline"))
        {
            var now = DateTimeOffset.UtcNow;
            var keys = new[] { "temperature", "humidity", "battery" };
            var copyRows = Enumerable.Range(0, (int)Math.Max(rows, 3)).Select(n => (devices[n / 3 % devices.Count].Id, now.AddMilliseconds(-n), keys[n % 3], (double?)(36 + n % 7), (string?)null));
            var copyWatch = Stopwatch.StartNew();
            var copied = await telemetry.CopyAsync(copyRows, ct);
            var copySeconds = copyWatch.Elapsed.TotalSeconds;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Baseline: raw binary COPY of {copied} rows in {copySeconds:0.00} s = {copied / copySeconds:0} rows/s; the platform end to end reached {rows / storedSeconds / (copied / copySeconds) * 100:0.0} % of it."));
        }
        foreach (var c in clients)
        {
            await c.DisconnectAsync(cancellationToken: CancellationToken.None);
            c.Dispose();
        }
        return failed == 0 ? 0 : 1;

        async Task PublishAsync(IMqttClient client, string payload)
        {
            try
            {
                var message = new MqttApplicationMessageBuilder().WithTopic(MqttBroker.TelemetryTopic).WithPayload(Encoding.UTF8.GetBytes(payload))
                    .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce).Build();
                var result = await client.PublishAsync(message, ct);
                if (result.IsSuccess)
                    Interlocked.Increment(ref acked);
                else
                    Interlocked.Increment(ref failed);
            }
            catch (Exception)
            {
                Interlocked.Increment(ref failed);
            }
            finally
            {
                inflight.Release();
            }
        }
    }

    private static async Task<List<(Guid Id, string Token)>> EnsureDevicesAsync(IServiceProvider services, IDocumentStore store, string file, int count, TextWriter output, CancellationToken ct)
    {
        var known = File.Exists(file)
            ? File.ReadAllLines(file).Select(l => l.Split('\t')).Where(p => p.Length == 2 && Guid.TryParse(p[0], out _)).Select(p => (Id: Guid.Parse(p[0]), Token: p[1])).ToList()
            : [];
        await using (var session = store.QuerySession())
        {
            var existing = (await session.Query<DeviceView>().Where(d => d.Model == Model).Select(d => d.Id).ToListAsync(ct)).ToHashSet();
            known = known.Where(k => existing.Contains(k.Id)).ToList();
        }
        if (known.Count >= count)
            return known.Take(count).ToList();
        var grains = services.GetRequiredService<IGrainFactory>();
        var system = CommandContext.System("模拟设备（性能测试）");
        Guid profile;
        await using (var session = store.QuerySession())
            profile = (await session.Query<ProfileView>().Where(p => p.Name == "模拟设备").Select(p => p.Id).ToListAsync(ct)).FirstOrDefault();
        if (profile == Guid.Empty)
        {
            profile = Guid.NewGuid();
            await grains.GetGrain<IProfileGrain>(profile).CreateAsync("模拟设备", "性能测试：体温超过 37.3 ℃ 即告警", 600,
                [new AlarmRule("fever", "体温异常", AlarmRules.Threshold, "temperature", "gt", 37.3, 0, 0, "major")], system);
        }
        output.WriteLine($"Creating {count - known.Count} simulated devices …");
        var created = new List<(Guid Id, string Token)>();
        using var gate = new SemaphoreSlim(16);
        var today = DateOnly.FromDateTime(DateTime.Today);
        await Task.WhenAll(Enumerable.Range(known.Count, count - known.Count).Select(async i =>
        {
            await gate.WaitAsync(ct);
            try
            {
                var id = Guid.NewGuid();
                var token = AccessTokens.NewToken();
                var result = await grains.GetGrain<IDeviceGrain>(id).InstallAsync(new InstallDevice("temperature_check", $"模拟设备 {i:D5}", SmartDemo.Pilot, null,
                    Math.Round(104.0565 + i % 70 * 0.00004, 6), Math.Round(30.3705 + i / 70 % 70 * 0.00004, 6), DeviceStatuses.Online, today)
                { Model = Model, ProfileId = profile, TokenHash = AccessTokens.Hash(token) }, system);
                if (result.Accepted)
                    lock (created)
                        created.Add((id, token));
            }
            finally
            {
                gate.Release();
            }
        }));
        known.AddRange(created);
        await File.WriteAllLinesAsync(file, known.Select(k => $"{k.Id}\t{k.Token}"), ct);
        return known.Take(count).ToList();
    }
}
