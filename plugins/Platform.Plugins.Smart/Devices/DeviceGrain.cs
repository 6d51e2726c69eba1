using Marten;
using Microsoft.Extensions.Logging;
using Platform.Abstractions.Commands;
using Platform.Plugins.Smart.Alarms;
using Platform.Plugins.Smart.Live;
using Platform.Plugins.Smart.Profiles;
using Platform.Plugins.Smart.Telemetry;
using Platform.Plugins.Smart.Settings;

namespace Platform.Plugins.Smart.Devices;

// A namespaced grain type: Orleans would otherwise name it after the class, which another plugin may share.
[GrainType("smart.device")]
internal sealed class DeviceGrain(
    EventWriter writer, TimeProvider clock, IDocumentStore store, DeviceDirectory directory, ProfileCache profiles, LiveFeed feed,
    TelemetryStore telemetry, SmartOptions options, ILogger<DeviceGrain> logger) : Grain, IDeviceGrain
{
    private static readonly TimeSpan PublishEvery = TimeSpan.FromMilliseconds(200);

    private readonly Dictionary<string, Reading> _latest = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Reading> _attributes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RuleState> _rules = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (IGrainTimer Timer, DateTimeOffset Due)> _durationTimers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _ruleClock = new(StringComparer.Ordinal);
    private DeviceView? _device;
    private ProfileView? _profile;
    private DateTimeOffset? _lastSeen;
    private IGrainTimer? _heartbeat;
    private DateTimeOffset _lastPublished;
    private bool _loaded;

    private Guid Id => this.GetPrimaryKey();

    // ---- the register (the one write path) ----

    public async Task<CommandResult> InstallAsync(InstallDevice command, CommandContext context)
    {
        var result = await writer.WriteAsync<DeviceView>(Id, context, device =>
            device is not null ? Outcome.Refuse(409, "id", "This device is already installed.", "该设备已登记。")
            : DeviceKinds.Find(command.Kind) is null ? Outcome.Refuse(400, "kind", $"Unknown device kind '{command.Kind}'.", "设备类型无效。")
            : DeviceStatuses.Find(command.Status) is null ? Outcome.Refuse(400, "status", $"Unknown status '{command.Status}'.", "设备状态无效。")
            : Outcome.Append(new DeviceInstalled(command.Kind, command.Name, command.Compound, command.CompoundId, command.Lon, command.Lat,
                command.Status, command.InstalledOn, clock.GetUtcNow(), command.Building, command.Entrance, command.Model, command.ProfileId,
                command.ProjectId, command.TokenHash)).At(command.Lon, command.Lat, "lon"));
        if (result.Accepted)
        {
            directory.Set(Id, command.TokenHash);
            await ReloadAsync();
        }
        return result;
    }

    public async Task<CommandResult> ReportStatusAsync(ReportDeviceStatus command, CommandContext context)
    {
        var result = await writer.WriteAsync<DeviceView>(Id, context, device =>
            device is null ? Outcome.Refuse(404, "id", "No device is registered under this id.", "找不到该设备。")
            : device.RetiredOn is not null ? Outcome.Refuse(409, "id", "The device is retired.", "该设备已退役。")
            : DeviceStatuses.Find(command.Status) is not { } status ? Outcome.Refuse(400, "status", $"Unknown status '{command.Status}'.", "设备状态无效。")
            // Only changes are recorded: a repeated status would be noise in the history and in the report.
            : command.Status == device.Status ? Outcome.Refuse(409, "status", $"The device is already {status.NameEn.ToLowerInvariant()}.", $"该设备已是“{status.NameZh}”状态。")
            : Outcome.Append(new DeviceStatusReported(command.Status, command.Note, clock.GetUtcNow())));
        if (result.Accepted)
        {
            await ReloadAsync();
            Publish(force: true);
        }
        return result;
    }

    public async Task<CommandResult> RotateTokenAsync(string tokenHash, CommandContext context)
    {
        var result = await writer.WriteAsync<DeviceView>(Id, context, device =>
            device is null ? Outcome.Refuse(404, "id", "No device is registered under this id.", "找不到该设备。")
            : device.RetiredOn is not null ? Outcome.Refuse(409, "id", "The device is retired; it takes no new token.", "该设备已退役，不能更换令牌。")
            : Outcome.Append(new DeviceTokenRotated(tokenHash, clock.GetUtcNow())));
        if (result.Accepted)
        {
            directory.Set(Id, tokenHash);
            await ReloadAsync();
        }
        return result;
    }

    public async Task<CommandResult> RetireAsync(string? note, CommandContext context)
    {
        var result = await writer.WriteAsync<DeviceView>(Id, context, device =>
            device is null ? Outcome.Refuse(404, "id", "No device is registered under this id.", "找不到该设备。")
            : device.RetiredOn is not null ? Outcome.Refuse(409, "id", "The device is retired already.", "该设备已退役。")
            : Outcome.Append(new DeviceRetired(note, DateOnly.FromDateTime(clock.GetLocalNow().DateTime), clock.GetUtcNow())));
        if (result.Accepted)
        {
            directory.Set(Id, null);
            _heartbeat?.Dispose();
            _heartbeat = null;
            await ReloadAsync();
        }
        return result;
    }

    // ---- the live device ----

    public async Task IngestAsync(DeviceReadings readings)
    {
        await EnsureLoadedAsync();
        if (_device is not { RetiredOn: null } device)
            return;
        _lastSeen = readings.ReceivedAt;
        var target = readings.Attributes ? _attributes : _latest;
        foreach (var r in readings.Readings)
            if (!target.TryGetValue(r.Key, out var known) || known.Ts <= r.Ts)
                target[r.Key] = r;
        EnsureHeartbeat();
        var changed = false;
        if (device.Status == DeviceStatuses.Offline)
            changed |= await SetStatusAsync(DeviceStatuses.Online, "恢复上报");

        foreach (var rule in Rules())
        {
            var state = State(rule.Id);
            if (rule.Kind == AlarmRules.Inactivity)
            {
                if (state.OpenAlarm is not null)
                    changed |= await ClearAsync(rule, state, null);
                continue;
            }
            if (readings.Attributes)
                continue;
            foreach (var r in readings.Readings.Where(r => r.Key == rule.Key && r.Number is not null).OrderBy(r => r.Ts))
            {
                // A late reading (older than one already evaluated) is stored but does not move the rule back in time.
                if (_ruleClock.TryGetValue(rule.Id, out var seen) && r.Ts < seen)
                    continue;
                _ruleClock[rule.Id] = r.Ts;
                var (verdict, due) = RuleEvaluator.OnReading(rule, state, r.Number!.Value, r.Ts);
                changed |= await ActAsync(rule, state, verdict, due, r.Number, r.Ts);
            }
        }
        Publish(force: changed);
    }

    public async Task<LatestValues> LatestAsync()
    {
        await EnsureLoadedAsync();
        return new LatestValues(Id, _lastSeen, [.. _latest.Values.OrderBy(r => r.Key, StringComparer.Ordinal)],
            [.. _attributes.Values.OrderBy(r => r.Key, StringComparer.Ordinal)]);
    }

    public Task AlarmClosedAsync(Guid alarmId)
    {
        foreach (var state in _rules.Values.Where(s => s.OpenAlarm == alarmId))
        {
            state.OpenAlarm = null;
            state.Since = null;
            state.Count = 0;
        }
        Publish(force: true);
        return Task.CompletedTask;
    }

    public async Task ProfileChangedAsync()
    {
        if (!_loaded)
            return;
        _profile = await profiles.GetAsync(_device?.ProfileId);
        foreach (var id in _rules.Keys.Where(k => Rules().All(r => r.Id != k) && _rules[k].OpenAlarm is null).ToList())
            _rules.Remove(id);
    }

    private IEnumerable<AlarmRule> Rules() => _profile?.Rules ?? [];

    private RuleState State(string rule)
    {
        if (!_rules.TryGetValue(rule, out var state))
            _rules[rule] = state = new RuleState();
        return state;
    }

    private TimeSpan OfflineAfter => TimeSpan.FromSeconds(_profile is { OfflineAfterSeconds: > 0 } p ? p.OfflineAfterSeconds : options.OfflineAfterSeconds);

    private void EnsureHeartbeat()
    {
        if (_heartbeat is not null)
            return;
        var period = TimeSpan.FromMilliseconds(Math.Clamp(OfflineAfter.TotalMilliseconds / 4, 250, 30_000));
        if (Rules().Where(r => r.Kind == AlarmRules.Inactivity).Select(r => TimeSpan.FromSeconds(r.DurationSeconds / 4.0)).DefaultIfEmpty(period).Min() is var shorter && shorter < period)
            period = shorter < TimeSpan.FromMilliseconds(250) ? TimeSpan.FromMilliseconds(250) : shorter;
        // Kept alive by its timer while the device reports, so that its silence is noticed.
        _heartbeat = this.RegisterGrainTimer(_ => HeartbeatAsync(), new GrainTimerCreationOptions { DueTime = period, Period = period, KeepAlive = true });
    }

    private async Task HeartbeatAsync()
    {
        if (_lastSeen is not { } seen || _device is not { RetiredOn: null } device)
            return;
        var now = clock.GetUtcNow();
        var changed = false;
        foreach (var rule in Rules().Where(r => r.Kind == AlarmRules.Inactivity))
        {
            var state = State(rule.Id);
            if (state.OpenAlarm is null && now - seen >= TimeSpan.FromSeconds(rule.DurationSeconds))
                changed |= await RaiseAsync(rule, state, null, null, $"超过 {rule.DurationSeconds} 秒未上报");
        }
        if (device.Status == DeviceStatuses.Online && now - seen >= OfflineAfter)
            changed |= await SetStatusAsync(DeviceStatuses.Offline, $"超过 {OfflineAfter.TotalSeconds:0} 秒未上报（心跳超时）");
        if (changed)
            Publish(force: true);
    }

    private async Task<bool> ActAsync(AlarmRule rule, RuleState state, RuleVerdict verdict, DateTimeOffset? due, double? value, DateTimeOffset? readingAt = null)
    {
        switch (verdict)
        {
            case RuleVerdict.Raise:
                return await RaiseAsync(rule, state, value, readingAt, $"{rule.Key} {AlarmRules.Operators.First(o => o.Code == rule.Operator).Symbol} {rule.Threshold}"
                    + (rule.DurationSeconds > 0 ? $" 持续 {rule.DurationSeconds} 秒" : "") + (rule.RepeatCount > 1 ? $" 连续 {rule.RepeatCount} 次" : ""));
            case RuleVerdict.Clear:
                return await ClearAsync(rule, state, value);
            case RuleVerdict.Wait when due is { } at:
                ScheduleDuration(rule, at);
                return false;
            default:
                return false;
        }
    }

    private void ScheduleDuration(AlarmRule rule, DateTimeOffset due)
    {
        if (_durationTimers.TryGetValue(rule.Id, out var known) && known.Due == due)
            return;
        known.Timer?.Dispose();
        var wait = due - clock.GetUtcNow();
        var timer = this.RegisterGrainTimer(async _ =>
        {
            if (_durationTimers.Remove(rule.Id, out var self))
                self.Timer.Dispose();
            if (Rules().FirstOrDefault(r => r.Id == rule.Id) is not { } current)
                return;
            var state = State(current.Id);
            var (verdict, again) = RuleEvaluator.OnClock(current, state, clock.GetUtcNow());
            if (await ActAsync(current, state, verdict, again, state.Value))
                Publish(force: true);
        }, new GrainTimerCreationOptions { DueTime = wait < TimeSpan.Zero ? TimeSpan.Zero : wait, Period = Timeout.InfiniteTimeSpan, KeepAlive = true });
        _durationTimers[rule.Id] = (timer, due);
    }

    private async Task<bool> RaiseAsync(AlarmRule rule, RuleState state, double? value, DateTimeOffset? readingAt, string condition)
    {
        var device = _device!;
        var alarmId = Guid.NewGuid();
        state.OpenAlarm = alarmId;
        var result = await GrainFactory.GetGrain<IAlarmGrain>(alarmId).RaiseAsync(new RaiseAlarm(Id, device.Name, device.Compound, device.Lon, device.Lat,
            device.ProfileId, rule.Id, rule.Name, rule.Severity, rule.Key, value, condition, clock.GetUtcNow()) { ReadingAt = readingAt });
        if (result.Rejection is { } r)
        {
            state.OpenAlarm = null;
            logger.LogWarning("Alarm of device {Device}, rule {Rule} not raised: {Reason}", Id, rule.Id, r.Reason);
            return false;
        }
        return true;
    }

    private async Task<bool> ClearAsync(AlarmRule rule, RuleState state, double? value)
    {
        var alarm = state.OpenAlarm!.Value;
        state.OpenAlarm = null;
        var result = await GrainFactory.GetGrain<IAlarmGrain>(alarm).ClearAsync(true, value, DeviceContext.For(Id, "告警条件解除：" + rule.Name));
        // Refused when staff cleared it meanwhile: it is closed either way.
        return result.Accepted;
    }

    private async Task<bool> SetStatusAsync(string status, string note)
    {
        var result = await writer.WriteAsync<DeviceView>(Id, DeviceContext.For(Id, note), device =>
            device is null || device.RetiredOn is not null || device.Status == status ? Outcome.Unchanged
            : Outcome.Append(new DeviceStatusReported(status, note, clock.GetUtcNow())));
        if (result.Rejection is { } r)
            logger.LogWarning("Status {Status} of device {Device} not recorded: {Reason}", status, Id, r.Reason);
        await ReloadAsync();
        return result.Accepted;
    }

    private void Publish(bool force)
    {
        if (!feed.HasSubscribers || _device is not { } d)
            return;
        var now = clock.GetUtcNow();
        if (!force && now - _lastPublished < PublishEvery)
            return;
        _lastPublished = now;
        feed.Publish("device", Live(d));
    }

    private DeviceLive Live(DeviceView d)
    {
        var open = _rules.Where(r => r.Value.OpenAlarm is not null).Select(r => Rules().FirstOrDefault(x => x.Id == r.Key)?.Severity ?? "indeterminate")
            .OrderBy(AlarmRules.Rank).FirstOrDefault();
        var color = open is not null ? AlarmRules.Severities.First(s => s.Code == open).Color : DeviceStatuses.Find(d.Status)?.Color ?? "#757575";
        return new DeviceLive(d.Id, d.Name, d.Kind, d.Compound, d.Lon, d.Lat, d.Status, open, color, _lastSeen,
            _latest.Values.ToDictionary(r => r.Key, r => r.Number is { } n ? (object?)n : r.Text, StringComparer.Ordinal));
    }

    private async Task EnsureLoadedAsync()
    {
        if (_loaded)
            return;
        await ReloadAsync();
        _profile = await profiles.GetAsync(_device?.ProfileId);
        await using (var session = store.QuerySession())
        {
            var id = Id;
            foreach (var alarm in await session.Query<AlarmView>().Where(a => a.DeviceId == id && a.ClearedAt == null).ToListAsync())
                State(alarm.RuleId).OpenAlarm = alarm.Id;
        }
        if (_device?.TokenHash is not null)
        {
            foreach (var r in await telemetry.LatestAsync(Id, attributes: false))
                _latest.TryAdd(r.Key, r);
            foreach (var r in await telemetry.LatestAsync(Id, attributes: true))
                _attributes.TryAdd(r.Key, r);
        }
        _loaded = true;
    }

    private async Task ReloadAsync()
    {
        await using var session = store.QuerySession();
        _device = await session.LoadAsync<DeviceView>(Id);
    }
}
