using System.Buffers;
using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Http;
using Platform.Abstractions.Registers;
using Platform.Abstractions.Security;
using Platform.Plugins.Smart.Alarms;
using Platform.Plugins.Smart.Commands;
using Platform.Plugins.Smart.Devices;
using Platform.Plugins.Smart.Incidents;
using Platform.Plugins.Smart.Live;
using Platform.Plugins.Smart.Profiles;
using Platform.Plugins.Smart.Projects;
using Platform.Plugins.Smart.Telemetry;
using Platform.Plugins.Smart.Gateway;

namespace Platform.Plugins.Smart;

/// <summary>The endpoints of the smart scene beyond the device register: telemetry in, profiles, alarms, commands, projects, incidents, the live feed.</summary>
internal static class SmartEndpoints
{
    private const int MaxText = 500;

    public static void MapSmartEndpoints(this IEndpointRouteBuilder scene)
    {
        // ThingsBoard's HTTP device API; /api/v1/... is rewritten to here (SmartPlugin), so devices use the path they know.
        scene.MapPost("/api/v1/{accessToken}/telemetry", (string accessToken, HttpContext http, DeviceDirectory directory, TelemetryIngest ingest) =>
            PostTelemetryAsync(accessToken, http, directory, ingest, attributes: false)).AllowAnonymous().Produces<TelemetryAnswer>().WithName("SmartHttpTelemetry").WithTags("Smart");
        scene.MapPost("/api/v1/{accessToken}/attributes", (string accessToken, HttpContext http, DeviceDirectory directory, TelemetryIngest ingest) =>
            PostTelemetryAsync(accessToken, http, directory, ingest, attributes: true)).AllowAnonymous().Produces<TelemetryAnswer>().WithName("SmartHttpAttributes").WithTags("Smart");
        scene.MapGet("/telemetry/stats", (TelemetryIngest ingest, TelemetryStore store, MqttBroker broker, AlarmNotifier notifier) =>
            Results.Ok(new IngestStats(broker.Running, broker.Port, broker.Connected, broker.RefusedConnections, ingest.Messages, ingest.Readings, ingest.Failures,
                new Dictionary<string, long>(ingest.Refused), store.Enqueued, store.Written, store.Lost, store.Batches, notifier.WebhookSent, notifier.WebhookFailures)))
            .RequireAuthorization(PlatformPolicies.Staff).Produces<IngestStats>();

        scene.MapPost("/devices/{id:guid}/token", RotateTokenAsync).RequireAuthorization(PlatformPolicies.Administer).Produces<DeviceTokenAnswer>();
        scene.MapPost("/devices/{id:guid}/retire", RetireAsync).WithRequestBody<RetireDeviceRequest>().RequireAuthorization(PlatformPolicies.EditCommunityData).ProducesWrite();
        scene.MapGet("/devices/{id:guid}/latest", LatestAsync).RequireAuthorization(PlatformPolicies.Staff).Produces<LatestAnswer>();
        scene.MapGet("/devices/{id:guid}/telemetry", TelemetryHistoryAsync).RequireAuthorization(PlatformPolicies.Staff).Produces<List<ReadingAnswer>>();
        scene.MapPost("/devices/{id:guid}/commands", SendCommandAsync).WithRequestBody<SendCommandRequest>().RequireAuthorization(PlatformPolicies.EditCommunityData)
            .ProducesWrite(StatusCodes.Status201Created);
        scene.MapGet("/devices/{id:guid}/commands", async (Guid id, IQuerySession session, CancellationToken ct) =>
            Results.Ok((await session.Query<CommandView>().Where(c => c.DeviceId == id).ToListAsync(ct)).OrderByDescending(c => c.QueuedAt).Select(CommandAnswer.Of).ToList()))
            .RequireAuthorization(PlatformPolicies.Staff).Produces<List<CommandAnswer>>();
        scene.MapGet("/commands/{id:guid}", async (Guid id, IQuerySession session, CancellationToken ct) =>
            await session.LoadAsync<CommandView>(id, ct) is { } c ? Results.Ok(CommandAnswer.Of(c))
                : ProblemResults.Problem(404, "id", "No command is registered under this id.", "找不到该指令。"))
            .RequireAuthorization(PlatformPolicies.Staff).Produces<CommandAnswer>();

        scene.MapGet("/profiles", async (IQuerySession session, CancellationToken ct) =>
            Results.Ok((await session.Query<ProfileView>().ToListAsync(ct)).OrderBy(p => p.Name, StringComparer.Ordinal).Select(ProfileAnswer.Of).ToList()))
            .RequireAuthorization(PlatformPolicies.Staff).Produces<List<ProfileAnswer>>();
        scene.MapPost("/profiles", CreateProfileAsync).WithRequestBody<ProfileRequest>().RequireAuthorization(PlatformPolicies.Administer).ProducesWrite(StatusCodes.Status201Created);
        scene.MapPut("/profiles/{id:guid}", ChangeProfileAsync).WithRequestBody<ProfileRequest>().RequireAuthorization(PlatformPolicies.Administer).ProducesWrite();

        scene.MapGet("/alarms", AlarmsAsync).RequireAuthorization(PlatformPolicies.Staff).Produces<List<AlarmAnswer>>();
        scene.MapGet("/alarms/{id:guid}", async (Guid id, IQuerySession session, CancellationToken ct) =>
            await session.LoadAsync<AlarmView>(id, ct) is { } a ? Results.Ok(AlarmAnswers.Of(a)) : UnknownAlarm())
            .RequireAuthorization(PlatformPolicies.Staff).Produces<AlarmAnswer>();
        scene.MapPost("/alarms/{id:guid}/ack", (Guid id, HttpContext http, IGrainFactory grains) =>
            AlarmWriteAsync(id, http, g => g.AcknowledgeAsync(http.User.ToCommandContext("确认告警", http.TraceIdentifier)), grains))
            .RequireAuthorization(PlatformPolicies.EditCommunityData).ProducesWrite();
        scene.MapPost("/alarms/{id:guid}/clear", (Guid id, HttpContext http, IGrainFactory grains) =>
            AlarmWriteAsync(id, http, g => g.ClearAsync(false, null, http.User.ToCommandContext("清除告警", http.TraceIdentifier)), grains))
            .RequireAuthorization(PlatformPolicies.EditCommunityData).ProducesWrite();
        scene.MapPost("/alarms/{id:guid}/assign", AssignAlarmAsync).WithRequestBody<AssignRequest>().RequireAuthorization(PlatformPolicies.EditCommunityData).ProducesWrite();
        scene.MapPost("/alarms/{id:guid}/comments", CommentAlarmAsync).WithRequestBody<CommentRequest>().RequireAuthorization(PlatformPolicies.EditCommunityData).ProducesWrite();

        scene.MapGet("/projects", ProjectsAsync).Produces<List<ProjectAnswer>>();
        scene.MapPost("/projects", StartProjectAsync).WithRequestBody<ProjectRequest>().RequireAuthorization(PlatformPolicies.EditCommunityData).ProducesWrite(StatusCodes.Status201Created);
        scene.MapPost("/projects/{id:guid}/stage", AdvanceProjectAsync).WithRequestBody<StageRequest>().RequireAuthorization(PlatformPolicies.EditCommunityData).ProducesWrite();

        scene.MapGet("/incidents", IncidentsAsync).RequireAuthorization(PlatformPolicies.Staff).Produces<List<IncidentAnswer>>();
        scene.MapGet("/incidents/{id:guid}", async (Guid id, IQuerySession session, CancellationToken ct) =>
            await session.LoadAsync<IncidentView>(id, ct) is { } i ? Results.Ok(IncidentAnswer.Of(i)) : UnknownIncident())
            .RequireAuthorization(PlatformPolicies.Staff).Produces<IncidentAnswer>();
        scene.MapPost("/incidents", ReportIncidentAsync).WithRequestBody<IncidentRequest>().RequireAuthorization(PlatformPolicies.EditCommunityData).ProducesWrite(StatusCodes.Status201Created);
        scene.MapPost("/incidents/{id:guid}/dispatch", DispatchAsync).WithRequestBody<DispatchRequest>().RequireAuthorization(PlatformPolicies.EditCommunityData).ProducesWrite();
        scene.MapPost("/incidents/{id:guid}/status", MoveIncidentAsync).WithRequestBody<IncidentStatusRequest>().RequireAuthorization(PlatformPolicies.EditCommunityData).ProducesWrite();

        scene.MapGet("/live", LiveAsync).RequireAuthorization(PlatformPolicies.Staff).Produces<LiveSnapshot>();
    }

    // ---- telemetry over HTTP ----

    private static async Task<IResult> PostTelemetryAsync(string accessToken, HttpContext http, DeviceDirectory directory, TelemetryIngest ingest, bool attributes)
    {
        if (directory.Find(accessToken) is not { } device)
        {
            ingest.Count("bad_credentials");
            return ProblemResults.Problem(401, "accessToken", "No device has this access token.", "设备访问令牌无效。");
        }
        if (http.Request.ContentLength > TelemetryPayload.MaxBytes)
            return ProblemResults.Problem(413, "payload", $"The body is longer than {TelemetryPayload.MaxBytes} bytes.", $"请求内容超过 {TelemetryPayload.MaxBytes} 字节。");
        using var buffer = new MemoryStream();
        var limited = new byte[8192];
        int read;
        while ((read = await http.Request.Body.ReadAsync(limited, http.RequestAborted)) > 0)
        {
            buffer.Write(limited, 0, read);
            if (buffer.Length > TelemetryPayload.MaxBytes)
                return ProblemResults.Problem(413, "payload", $"The body is longer than {TelemetryPayload.MaxBytes} bytes.", $"请求内容超过 {TelemetryPayload.MaxBytes} 字节。");
        }
        if (await ingest.IngestAsync(device, new ReadOnlySequence<byte>(buffer.ToArray()), attributes) is { } refusal)
            return ProblemResults.Problem(refusal.Code == "failure" ? 503 : 400, refusal.Field, refusal.Reason, refusal.ReasonZh);
        return Results.Ok(new TelemetryAnswer(device, true));
    }

    // ---- devices ----

    private static async Task<IResult> RotateTokenAsync(Guid id, HttpContext http, IGrainFactory grains, IQuerySession session)
    {
        if (await session.LoadAsync<DeviceView>(id, http.RequestAborted) is null)
            return DeviceEndpoints.UnknownDevice();
        var token = AccessTokens.NewToken();
        var result = await grains.GetGrain<IDeviceGrain>(id).RotateTokenAsync(AccessTokens.Hash(token), http.User.ToCommandContext("更换设备访问令牌", http.TraceIdentifier));
        return result.Rejection is { } r ? r.ToProblem() : Results.Ok(new DeviceTokenAnswer(id, result.Version, token));
    }

    private static async Task<IResult> RetireAsync(Guid id, HttpContext http, IGrainFactory grains, IQuerySession session)
    {
        if (await session.LoadAsync<DeviceView>(id, http.RequestAborted) is null)
            return DeviceEndpoints.UnknownDevice();
        var (body, problem) = await RequestBody.ReadAsync<RetireDeviceRequest>(http);
        if (problem is not null)
            return problem;
        if (body!.Note?.Length > MaxText)
            return TooLong("note", "备注");
        return (await grains.GetGrain<IDeviceGrain>(id).RetireAsync(DeviceEndpoints.Trimmed(body.Note), http.User.ToCommandContext(body.Note ?? "设备退役", http.TraceIdentifier))).Answer(id);
    }

    private static async Task<IResult> LatestAsync(Guid id, IQuerySession session, IGrainFactory grains, CancellationToken ct)
    {
        if (await session.LoadAsync<DeviceView>(id, ct) is not { } device)
            return DeviceEndpoints.UnknownDevice();
        var latest = await grains.GetGrain<IDeviceGrain>(id).LatestAsync();
        return Results.Ok(new LatestAnswer(id, device.Status, latest.LastSeen,
            [.. latest.Telemetry.Select(r => new ReadingAnswer(r.Key, r.Ts, r.Number, r.Text))], [.. latest.Attributes.Select(r => new ReadingAnswer(r.Key, r.Ts, r.Number, r.Text))]));
    }

    private static async Task<IResult> TelemetryHistoryAsync(Guid id, string? key, DateTimeOffset? from, DateTimeOffset? to, int? limit,
        IQuerySession session, TelemetryStore store, TimeProvider clock, CancellationToken ct)
    {
        if (await session.LoadAsync<DeviceView>(id, ct) is null)
            return DeviceEndpoints.UnknownDevice();
        if (string.IsNullOrWhiteSpace(key) || key.Length > TelemetryPayload.MaxKeyLength)
            return RequestBody.Missing("key", "遥测键");
        var until = to ?? clock.GetUtcNow();
        var since = from ?? until.AddDays(-1);
        if (since > until)
            return ProblemResults.Problem(400, "from", "'from' lies after 'to'.", "起始时间晚于结束时间。");
        if (limit is < 1 or > 10_000)
            return ProblemResults.Problem(400, "limit", "The limit lies between 1 and 10000.", "条数须在 1 至 10000 之间。");
        var rows = await store.HistoryAsync(id, key, since, until, limit ?? 1000, ct);
        return Results.Ok(rows.Select(r => new ReadingAnswer(r.Key, r.Ts, r.Number, r.Text)).ToList());
    }

    private static async Task<IResult> SendCommandAsync(Guid id, HttpContext http, IGrainFactory grains, IQuerySession session, CommandDispatch dispatch)
    {
        if (await session.LoadAsync<DeviceView>(id, http.RequestAborted) is not { } device)
            return DeviceEndpoints.UnknownDevice();
        var (body, problem) = await RequestBody.ReadAsync<SendCommandRequest>(http);
        if (problem is not null)
            return problem;
        if (device.RetiredOn is not null)
            return ProblemResults.Problem(409, "id", "The device is retired; it takes no commands.", "该设备已退役，不能下发指令。");
        if (string.IsNullOrWhiteSpace(body!.Method))
            return RequestBody.Missing("method", "指令方法");
        if (body.Method.Length > 64 || !body.Method.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '.'))
            return ProblemResults.Problem(400, "method", "The method is up to 64 letters, digits, '_', '-' or '.'.", "指令方法须为不超过 64 个字母、数字或 _ - . 字符。");
        var parameters = body.Params is { ValueKind: not JsonValueKind.Undefined } p ? p.GetRawText() : "{}";
        if (parameters.Length > 4096)
            return ProblemResults.Problem(400, "params", "The params are longer than 4096 characters.", "指令参数超过 4096 个字符。");
        var ttl = body.TtlSeconds ?? 3600;
        if (ttl is < 1 or > 7 * 86_400)
            return ProblemResults.Problem(400, "ttlSeconds", "The time-to-live lies between 1 second and 7 days.", "有效期须在 1 秒至 7 天之间。");
        var retries = body.MaxRetries ?? 3;
        if (retries is < 0 or > 20)
            return ProblemResults.Problem(400, "maxRetries", "The retries lie between 0 and 20.", "重试次数须在 0 至 20 之间。");
        var commandId = Guid.NewGuid();
        var requestId = System.Security.Cryptography.RandomNumberGenerator.GetInt32(1, int.MaxValue);
        var result = await grains.GetGrain<ICommandGrain>(commandId).QueueAsync(
            new QueueCommand(id, device.Name, device.Lon, device.Lat, body.Method, parameters, requestId, ttl, retries),
            http.User.ToCommandContext($"下发设备指令：{body.Method}", http.TraceIdentifier));
        if (result.Accepted)
            _ = Task.Run(() => dispatch.DeliverPendingAsync(id));
        return result.AnswerCreated(commandId, $"/api/scenes/smart/commands/{commandId}");
    }

    // ---- profiles ----

    private static async Task<IResult> CreateProfileAsync(HttpContext http, IGrainFactory grains)
    {
        var (body, problem) = await ReadProfileAsync(http, requireName: true);
        if (problem is not null)
            return problem;
        var id = Guid.NewGuid();
        var result = await grains.GetGrain<IProfileGrain>(id).CreateAsync(body!.Name!.Trim(), DeviceEndpoints.Trimmed(body.Description), body.OfflineAfterSeconds ?? 300,
            [.. body.Rules ?? []], http.User.ToCommandContext("新建设备配置", http.TraceIdentifier));
        return result.AnswerCreated(id, $"/api/scenes/smart/profiles/{id}");
    }

    private static async Task<IResult> ChangeProfileAsync(Guid id, HttpContext http, IGrainFactory grains, IQuerySession session)
    {
        if (await session.LoadAsync<ProfileView>(id, http.RequestAborted) is not { } known)
            return ProblemResults.Problem(404, "id", "No device profile is registered under this id.", "找不到该设备配置。");
        var (body, problem) = await ReadProfileAsync(http, requireName: false);
        if (problem is not null)
            return problem;
        return (await grains.GetGrain<IProfileGrain>(id).ChangeRulesAsync(body!.OfflineAfterSeconds ?? known.OfflineAfterSeconds, [.. body.Rules ?? []],
            http.User.ToCommandContext("修改告警规则", http.TraceIdentifier))).Answer(id);
    }

    private static async Task<(ProfileRequest?, IResult?)> ReadProfileAsync(HttpContext http, bool requireName)
    {
        var (body, problem) = await RequestBody.ReadAsync<ProfileRequest>(http);
        if (problem is not null)
            return (null, problem);
        if (requireName && string.IsNullOrWhiteSpace(body!.Name))
            return (null, RequestBody.Missing("name", "配置名称"));
        if (body!.Name?.Trim().Length > 100)
            return (null, TooLong("name", "配置名称"));
        if (body.Description?.Length > MaxText)
            return (null, TooLong("description", "说明"));
        if (body.OfflineAfterSeconds is < 1 or > 86_400)
            return (null, ProblemResults.Problem(400, "offlineAfterSeconds", "The offline timeout lies between 1 and 86400 seconds.", "离线判定时间须在 1 至 86400 秒之间。"));
        // A profile states its rules ([] for none): a body with a name only is not a profile.
        if (body.Rules is null)
            return (null, RequestBody.Missing("rules", "告警规则"));
        if (body.Rules.Count > 50)
            return (null, ProblemResults.Problem(400, "rules", "A profile has at most 50 rules.", "每个设备配置最多 50 条规则。"));
        for (var i = 0; i < (body.Rules?.Count ?? 0); i++)
        {
            if (body.Rules![i] is null)
                return (null, RequestBody.Missing($"rules[{i}]", "规则"));
            if (AlarmRules.Check(body.Rules[i], $"rules[{i}]") is { } bad)
                return (null, ProblemResults.Problem(400, bad.Field, bad.En, bad.Zh));
        }
        return (body, null);
    }

    // ---- alarms ----

    private static async Task<IResult> AlarmsAsync(string? status, Guid? deviceId, string? severity, IQuerySession session, CancellationToken ct)
    {
        if (status is not (null or "active" or "cleared"))
            return ProblemResults.Problem(400, "status", "The status is active or cleared.", "告警状态可选：active（活动）、cleared（已清除）。");
        if (severity is not null && AlarmRules.Severities.All(s => s.Code != severity))
            return ProblemResults.Problem(400, "severity", $"Unknown severity '{severity}'.", "告警级别无效。");
        var alarms = (await session.Query<AlarmView>().ToListAsync(ct))
            .Where(a => (status is null || (status == "active") == a.Active) && (deviceId is null || a.DeviceId == deviceId) && (severity is null || a.Severity == severity))
            .OrderByDescending(a => a.RaisedAt).Take(500);
        return Results.Ok(alarms.Select(AlarmAnswers.Of).ToList());
    }

    private static async Task<IResult> AlarmWriteAsync(Guid id, HttpContext http, Func<IAlarmGrain, Task<CommandResult>> write, IGrainFactory grains) =>
        (await write(grains.GetGrain<IAlarmGrain>(id))).Answer(id);

    private static async Task<IResult> AssignAlarmAsync(Guid id, HttpContext http, IGrainFactory grains)
    {
        var (body, problem) = await RequestBody.ReadAsync<AssignRequest>(http);
        if (problem is not null)
            return problem;
        if (string.IsNullOrWhiteSpace(body!.Assignee))
            return RequestBody.Missing("assignee", "处理人");
        if (body.Assignee.Trim().Length > 50)
            return TooLong("assignee", "处理人");
        return (await grains.GetGrain<IAlarmGrain>(id).AssignAsync(body.Assignee.Trim(), http.User.ToCommandContext("指派告警", http.TraceIdentifier))).Answer(id);
    }

    private static async Task<IResult> CommentAlarmAsync(Guid id, HttpContext http, IGrainFactory grains)
    {
        var (body, problem) = await RequestBody.ReadAsync<CommentRequest>(http);
        if (problem is not null)
            return problem;
        if (string.IsNullOrWhiteSpace(body!.Text))
            return RequestBody.Missing("text", "评论内容");
        if (body.Text.Trim().Length > MaxText)
            return TooLong("text", "评论内容");
        return (await grains.GetGrain<IAlarmGrain>(id).CommentAsync(body.Text.Trim(), http.User.ToCommandContext("告警评论", http.TraceIdentifier))).Answer(id);
    }

    // ---- projects ----

    private static async Task<IResult> ProjectsAsync(IQuerySession session, CancellationToken ct)
    {
        var devices = await session.Query<DeviceView>().Where(d => d.ProjectId != null).ToListAsync(ct);
        var projects = (await session.Query<ProjectView>().ToListAsync(ct)).OrderBy(p => p.Stages.FirstOrDefault()?.On).ThenBy(p => p.Name, StringComparer.Ordinal);
        return Results.Ok(projects.Select(p => ProjectAnswer.Of(p, devices.Where(d => d.ProjectId == p.Id && d.RetiredOn is null).ToList())).ToList());
    }

    private static async Task<IResult> StartProjectAsync(HttpContext http, IGrainFactory grains, IRegisterReader registers)
    {
        var (body, problem) = await RequestBody.ReadAsync<ProjectRequest>(http);
        if (problem is not null)
            return problem;
        var today = DateOnly.FromDateTime(DateTime.Today);
        var compounds = await registers.CompoundsAsync(today, http.RequestAborted);
        var compound = body!.CompoundId is { } cid ? compounds.FirstOrDefault(c => c.Id == cid) : compounds.FirstOrDefault(c => c.Name == body.Compound?.Trim());
        if (compound is null)
            return body.CompoundId is null && string.IsNullOrWhiteSpace(body.Compound) ? RequestBody.Missing("compound", "小区")
                : ProblemResults.Problem(400, body.CompoundId is null ? "compound" : "compoundId", "No such compound is registered today.", "小区档案中没有该小区。");
        var name = DeviceEndpoints.Trimmed(body.Name) ?? $"{compound.Name}智慧小区建设";
        if (name.Length > 100)
            return TooLong("name", "项目名称");
        if (body.Contractor?.Trim().Length > 100)
            return TooLong("contractor", "承建单位");
        var on = body.StartedOn ?? today;
        if (on > today)
            return ProblemResults.Problem(400, "startedOn", "The start lies in the future.", "开始日期晚于今天。");
        var id = Guid.NewGuid();
        var result = await grains.GetGrain<IProjectGrain>(id).StartAsync(new StartProject(name, compound.Name, compound.Id, compound.Lon, compound.Lat,
            DeviceEndpoints.Trimmed(body.Contractor), on), http.User.ToCommandContext("启动智慧小区项目", http.TraceIdentifier));
        return result.AnswerCreated(id, $"/api/scenes/smart/projects/{id}");
    }

    private static async Task<IResult> AdvanceProjectAsync(Guid id, HttpContext http, IGrainFactory grains, IQuerySession session)
    {
        if (await session.LoadAsync<ProjectView>(id, http.RequestAborted) is null)
            return ProblemResults.Problem(404, "id", "No smart-compound project is registered under this id.", "找不到该智慧小区项目。");
        var (body, problem) = await RequestBody.ReadAsync<StageRequest>(http);
        if (problem is not null)
            return problem;
        if (string.IsNullOrWhiteSpace(body!.Stage))
            return RequestBody.Missing("stage", "阶段");
        if (body.Note?.Length > MaxText)
            return TooLong("note", "备注");
        var on = body.On ?? DateOnly.FromDateTime(DateTime.Today);
        if (on > DateOnly.FromDateTime(DateTime.Today))
            return ProblemResults.Problem(400, "on", "The date lies in the future.", "日期晚于今天。");
        return (await grains.GetGrain<IProjectGrain>(id).AdvanceAsync(body.Stage, on, DeviceEndpoints.Trimmed(body.Note),
            http.User.ToCommandContext($"智慧小区项目进入{ProjectStages.NameZh(body.Stage) ?? body.Stage}阶段", http.TraceIdentifier))).Answer(id);
    }

    // ---- incidents ----

    private static async Task<IResult> IncidentsAsync(string? status, IQuerySession session, CancellationToken ct)
    {
        if (status is not (null or "open") && IncidentCodes.StatusIndex(status) < 0)
            return ProblemResults.Problem(400, "status", "Unknown status; open or one of reported, dispatched, on_scene, resolved, closed.", "事件状态无效。");
        var incidents = (await session.Query<IncidentView>().ToListAsync(ct))
            .Where(i => status is null || (status == "open" ? i.Status != "closed" : i.Status == status)).OrderByDescending(i => i.ReportedAt);
        return Results.Ok(incidents.Select(IncidentAnswer.Of).ToList());
    }

    private static async Task<IResult> ReportIncidentAsync(HttpContext http, IGrainFactory grains, IQuerySession session)
    {
        var (body, problem) = await RequestBody.ReadAsync<IncidentRequest>(http);
        if (problem is not null)
            return problem;
        var r = body!;
        AlarmView? alarm = null;
        if (r.AlarmId is { } alarmId && (alarm = await session.LoadAsync<AlarmView>(alarmId, http.RequestAborted)) is null)
            return ProblemResults.Problem(400, "alarmId", "No alarm is registered under this id.", "找不到该告警。");
        var kind = r.Kind ?? (alarm is null ? null : "device_alarm");
        if (kind is null)
            return RequestBody.Missing("kind", "事件类型");
        if (IncidentCodes.Kinds.All(k => k.Code != kind))
            return ProblemResults.Problem(400, "kind", $"Unknown kind '{kind}'; one of {string.Join(", ", IncidentCodes.Kinds.Select(k => k.Code))}.",
                $"事件类型无效，可选：{string.Join("、", IncidentCodes.Kinds.Select(k => $"{k.Code}（{k.NameZh}）"))}。");
        var title = DeviceEndpoints.Trimmed(r.Title) ?? (alarm is null ? null : $"{alarm.DeviceName}：{alarm.RuleName}");
        if (title is null)
            return RequestBody.Missing("title", "事件标题");
        if (title.Length > 100)
            return TooLong("title", "事件标题");
        if (r.Description?.Length > 2000)
            return ProblemResults.Problem(400, "description", "The description is longer than 2000 characters.", "事件描述超过 2000 个字符。");
        var lon = r.Lon ?? alarm?.Lon;
        var lat = r.Lat ?? alarm?.Lat;
        if (lon is null)
            return RequestBody.Missing("lon", "经度");
        if (lat is null)
            return RequestBody.Missing("lat", "纬度");
        if (PlaceChecks.NotInChina(lon.Value, lat.Value) is { } bad)
            return bad;
        if (r.Compound?.Length > 100)
            return TooLong("compound", "小区");
        var id = Guid.NewGuid();
        var result = await grains.GetGrain<IIncidentGrain>(id).ReportAsync(new ReportIncident(kind, title, DeviceEndpoints.Trimmed(r.Description),
            DeviceEndpoints.Trimmed(r.Compound) ?? alarm?.Compound, lon.Value, lat.Value, alarm?.Id, alarm?.DeviceId), http.User.ToCommandContext("上报事件", http.TraceIdentifier));
        return result.AnswerCreated(id, $"/api/scenes/smart/incidents/{id}");
    }

    private static async Task<IResult> DispatchAsync(Guid id, HttpContext http, IGrainFactory grains)
    {
        var (body, problem) = await RequestBody.ReadAsync<DispatchRequest>(http);
        if (problem is not null)
            return problem;
        if (string.IsNullOrWhiteSpace(body!.Responder))
            return RequestBody.Missing("responder", "处置人员");
        if (body.Responder.Trim().Length > 100)
            return TooLong("responder", "处置人员");
        if (body.Note?.Length > MaxText)
            return TooLong("note", "备注");
        return (await grains.GetGrain<IIncidentGrain>(id).DispatchAsync(body.Responder.Trim(), DeviceEndpoints.Trimmed(body.Note),
            http.User.ToCommandContext("派遣处置", http.TraceIdentifier))).Answer(id);
    }

    private static async Task<IResult> MoveIncidentAsync(Guid id, HttpContext http, IGrainFactory grains)
    {
        var (body, problem) = await RequestBody.ReadAsync<IncidentStatusRequest>(http);
        if (problem is not null)
            return problem;
        if (string.IsNullOrWhiteSpace(body!.Status))
            return RequestBody.Missing("status", "事件状态");
        if (body.Note?.Length > MaxText)
            return TooLong("note", "备注");
        return (await grains.GetGrain<IIncidentGrain>(id).MoveAsync(body.Status, DeviceEndpoints.Trimmed(body.Note),
            http.User.ToCommandContext("事件状态更新", http.TraceIdentifier))).Answer(id);
    }

    // ---- live ----

    /// <summary>
    /// With <c>Accept: text/event-stream</c> (EventSource) the live feed: a <c>snapshot</c> event, then <c>device</c>, <c>alarm</c>,
    /// <c>command</c> and <c>incident</c> events as they happen, and a comment every 15 s to keep proxies from closing it.
    /// Otherwise the snapshot once, as JSON.
    /// </summary>
    private static async Task<IResult> LiveAsync(HttpContext http, IQuerySession session, LiveFeed feed)
    {
        var devices = (await session.Query<DeviceView>().ToListAsync(http.RequestAborted)).Where(d => d.RetiredOn is null).ToList();
        var open = (await session.Query<AlarmView>().Where(a => a.ClearedAt == null).ToListAsync(http.RequestAborted)).ToList();
        var snapshot = new LiveSnapshot(
            [.. devices.Select(d =>
            {
                var worst = open.Where(a => a.DeviceId == d.Id).Select(a => a.Severity).OrderBy(AlarmRules.Rank).FirstOrDefault();
                var color = worst is not null ? AlarmRules.Severities.First(s => s.Code == worst).Color : DeviceStatuses.Find(d.Status)?.Color ?? "#757575";
                return new DeviceLive(d.Id, d.Name, d.Kind, d.Compound, d.Lon, d.Lat, d.Status, worst, color, null, new Dictionary<string, object?>());
            })],
            [.. open.OrderByDescending(a => a.RaisedAt).Select(AlarmAnswers.Of)]);
        if (!http.Request.Headers.Accept.ToString().Contains("text/event-stream", StringComparison.Ordinal))
            return Results.Ok(snapshot);
        var (subscription, reader) = feed.Subscribe();
        try
        {
            http.Response.Headers.ContentType = "text/event-stream";
            http.Response.Headers.CacheControl = "no-cache";
            http.Response.Headers["X-Accel-Buffering"] = "no";
            await Write(http, "snapshot", JsonSerializer.Serialize(snapshot, JsonSerializerOptions.Web));
            while (!http.RequestAborted.IsCancellationRequested)
            {
                using var wait = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
                wait.CancelAfter(TimeSpan.FromSeconds(15));
                try
                {
                    if (!await reader.WaitToReadAsync(wait.Token))
                        break;
                    while (reader.TryRead(out var message))
                        await Write(http, message.Type, message.Data);
                }
                catch (OperationCanceledException) when (!http.RequestAborted.IsCancellationRequested)
                {
                    await http.Response.WriteAsync(": keep-alive\n\n", http.RequestAborted);
                    await http.Response.Body.FlushAsync(http.RequestAborted);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        finally
        {
            feed.Unsubscribe(subscription);
        }
        return Results.Empty;
    }

    private static async Task Write(HttpContext http, string type, string data)
    {
        await http.Response.WriteAsync($"event: {type}\ndata: {data}\n\n", http.RequestAborted);
        await http.Response.Body.FlushAsync(http.RequestAborted);
    }

    private static IResult TooLong(string field, string zh) =>
        ProblemResults.Problem(400, field, $"'{field}' is too long.", $"{zh}过长。");

    private static IResult UnknownAlarm() => ProblemResults.Problem(404, "id", "No alarm is registered under this id.", "找不到该告警。");

    private static IResult UnknownIncident() => ProblemResults.Problem(404, "id", "No incident is registered under this id.", "找不到该事件。");
}
