using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Http;
using Platform.Abstractions.Jurisdiction;
using Platform.Abstractions.Registers;
using Platform.Abstractions.Security;

namespace Platform.Plugins.Smart.Devices;

internal static class DeviceEndpoints
{
    public const int MaxNameLength = 100;
    public const int MaxNoteLength = 500;

    public static void MapDeviceEndpoints(this IEndpointRouteBuilder scene)
    {
        scene.MapGet("/devices", ListAsync).Produces<List<DeviceAnswer>>();
        scene.MapGet("/devices/{id:guid}", async (Guid id, IQuerySession session, IJurisdictionLocator locator, CancellationToken ct) =>
            await session.LoadAsync<DeviceView>(id, ct) is { } device
                ? Results.Ok((await AnswersAsync([device], locator, ct))[0])
                : UnknownDevice()).Produces<DeviceAnswer>();
        scene.MapGet("/devices/{id:guid}/history", (Guid id, HttpContext http) => StreamHistory.AnswerAsync<DeviceView>(http, id)).RequireAuthorization(PlatformPolicies.Staff)
            .Produces<List<HistoryEntry>>();
        scene.MapPost("/devices", InstallAsync).WithRequestBody<InstallDeviceRequest>().RequireAuthorization(PlatformPolicies.EditCommunityData)
            .Produces<InstalledDeviceAnswer>(StatusCodes.Status201Created);
        scene.MapPost("/devices/{id:guid}/status", ReportStatusAsync).WithRequestBody<ReportStatusRequest>().RequireAuthorization(PlatformPolicies.EditCommunityData)
            .Produces<DeviceAnswer>();
    }

    private static async Task<IResult> ListAsync(string? kind, string? status, string? compound, string? community,
        IQuerySession session, IJurisdictionLocator locator, CancellationToken ct)
    {
        if (kind is not null && DeviceKinds.Find(kind) is null)
            return UnknownKind("kind", kind);
        if (status is not null && DeviceStatuses.Find(status) is null)
            return UnknownStatus("status", status);
        var devices = (await session.Query<DeviceView>().ToListAsync(ct))
            .Where(d => d.RetiredOn is null)
            .Where(d => (kind is null || d.Kind == kind) && (status is null || d.Status == status) && (compound is null || d.Compound == compound))
            .OrderBy(d => d.Compound, StringComparer.Ordinal).ThenBy(d => d.Name, StringComparer.Ordinal)
            .ToList();
        var answers = await AnswersAsync(devices, locator, ct);
        return Results.Ok(community is null ? answers : answers.Where(a => a.CommunityCode == community).ToList());
    }

    private static async Task<IResult> InstallAsync(HttpContext http, IRegisterReader registers, IJurisdictionLocator locator, IGrainFactory grains, IQuerySession session)
    {
        var (body, problem) = await RequestBody.ReadAsync<InstallDeviceRequest>(http);
        if (problem is not null)
            return problem;
        var r = body!;
        if (DeviceKinds.Find(r.Kind) is null)
            return r.Kind is null ? RequestBody.Missing("kind", "设备类型") : UnknownKind("kind", r.Kind);
        if (string.IsNullOrWhiteSpace(r.Name))
            return RequestBody.Missing("name", "设备名称");
        if (r.Name.Trim().Length > MaxNameLength)
            return ProblemResults.Problem(400, "name", $"The name is longer than {MaxNameLength} characters.", $"设备名称超过 {MaxNameLength} 个字符。");
        var status = r.Status ?? DeviceStatuses.Online;
        if (DeviceStatuses.Find(status) is null)
            return UnknownStatus("status", status);
        var today = Today;
        var installedOn = r.InstalledOn ?? today;
        if (installedOn > today)
            return ProblemResults.Problem(400, "installedOn", "The installation date lies in the future.", "安装日期晚于今天。");
        foreach (var (field, value, zh) in new[] { ("building", r.Building, "楼栋"), ("entrance", r.Entrance, "出入口"), ("model", r.Model, "型号") })
            if (value?.Trim().Length > MaxNameLength)
                return ProblemResults.Problem(400, field, $"'{field}' is longer than {MaxNameLength} characters.", $"{zh}超过 {MaxNameLength} 个字符。");
        if (r.ProfileId is { } profileId && await session.LoadAsync<Profiles.ProfileView>(profileId, http.RequestAborted) is null)
            return ProblemResults.Problem(400, "profileId", $"No device profile {profileId} is registered.", "找不到该设备配置。");
        Projects.ProjectView? project = null;
        if (r.ProjectId is { } projectId && (project = await session.LoadAsync<Projects.ProjectView>(projectId, http.RequestAborted)) is null)
            return ProblemResults.Problem(400, "projectId", $"No smart-compound project {projectId} is registered.", "找不到该智慧小区项目。");

        string? compound = r.Compound?.Trim();
        double? lon = r.Lon, lat = r.Lat;
        if (r.CompoundId is { } compoundId)
        {
            if ((await registers.CompoundsAsync(today, http.RequestAborted)).FirstOrDefault(c => c.Id == compoundId) is not { } known)
                return ProblemResults.Problem(400, "compoundId", $"No compound {compoundId} is registered today.", "小区档案中没有该小区。");
            compound = string.IsNullOrEmpty(compound) ? known.Name : compound;
            lon ??= known.Lon;
            lat ??= known.Lat;
        }
        compound = string.IsNullOrEmpty(compound) ? project?.Compound : compound;
        lon ??= project?.Lon;
        lat ??= project?.Lat;
        if (string.IsNullOrEmpty(compound))
            return RequestBody.Missing("compound", "所在小区");
        if (project is not null && project.Compound != compound)
            return ProblemResults.Problem(400, "projectId", $"The project is for {project.Compound}, not {compound}.", $"该项目属于{project.Compound}，不是{compound}。");
        if (lon is null)
            return RequestBody.Missing("lon", "经度");
        if (lat is null)
            return RequestBody.Missing("lat", "纬度");
        if (PlaceChecks.NotInChina(lon.Value, lat.Value) is { } bad)
            return bad;

        var id = Guid.NewGuid();
        var token = AccessTokens.NewToken();
        var command = new InstallDevice(r.Kind!, r.Name.Trim(), compound, r.CompoundId, lon.Value, lat.Value, status, installedOn)
        {
            Building = Trimmed(r.Building), Entrance = Trimmed(r.Entrance), Model = Trimmed(r.Model), ProfileId = r.ProfileId, ProjectId = r.ProjectId ?? project?.Id,
            TokenHash = AccessTokens.Hash(token),
        };
        var result = await grains.GetGrain<IDeviceGrain>(id).InstallAsync(command, http.User.ToCommandContext(r.Reason ?? "登记智慧小区设备", http.TraceIdentifier));
        if (result.Rejection is { } rejection)
            return rejection.ToProblem();
        var device = (await session.LoadAsync<DeviceView>(id, http.RequestAborted))!;
        var a = (await AnswersAsync([device], locator, http.RequestAborted))[0];
        return Results.Created($"/api/scenes/smart/devices/{id}", new InstalledDeviceAnswer(id, result.Version, token, a.Kind, a.KindZh, a.Name, a.Compound,
            a.CompoundId, a.Lon, a.Lat, a.Status, a.StatusZh, a.InstalledOn, a.CommunityCode, a.CommunityName, a.Building, a.Entrance, a.Model, a.ProfileId, a.ProjectId));
    }

    internal static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static async Task<IResult> ReportStatusAsync(Guid id, HttpContext http, IJurisdictionLocator locator, IGrainFactory grains, IQuerySession session)
    {
        if (await session.LoadAsync<DeviceView>(id, http.RequestAborted) is not { } device)
            return UnknownDevice();
        var (body, problem) = await RequestBody.ReadAsync<ReportStatusRequest>(http);
        if (problem is not null)
            return problem;
        if (body!.Status is null)
            return RequestBody.Missing("status", "设备状态");
        if (DeviceStatuses.Find(body.Status) is null)
            return UnknownStatus("status", body.Status);
        var note = string.IsNullOrWhiteSpace(body.Note) ? null : body.Note.Trim();
        if (note?.Length > MaxNoteLength)
            return ProblemResults.Problem(400, "note", $"The note is longer than {MaxNoteLength} characters.", $"备注超过 {MaxNoteLength} 个字符。");
        var result = await grains.GetGrain<IDeviceGrain>(id).ReportStatusAsync(new ReportDeviceStatus(body.Status, note),
            http.User.ToCommandContext(note ?? "设备状态上报", http.TraceIdentifier));
        if (result.Rejection is { } rejection)
            return rejection.ToProblem();
        var updated = (await session.LoadAsync<DeviceView>(id, http.RequestAborted))!;
        return Results.Ok((await AnswersAsync([updated], locator, http.RequestAborted))[0]);
    }

    internal static async Task<IReadOnlyList<DeviceAnswer>> AnswersAsync(IReadOnlyList<DeviceView> devices, IJurisdictionLocator locator, CancellationToken ct)
    {
        // The community comes from the location on the day asked, so restructuring carries devices along.
        var communities = await locator.CommunitiesOfAsync(devices.Select(d => (d.Lon, d.Lat)).ToList(), Today, ct);
        return devices.Select((d, i) =>
        {
            var kind = DeviceKinds.Find(d.Kind);
            var status = DeviceStatuses.Find(d.Status);
            return new DeviceAnswer(d.Id, d.Kind, kind?.NameZh, kind?.NameEn, d.Name, d.Compound, d.CompoundId, d.Lon, d.Lat,
                d.Status, status?.NameZh, status?.NameEn, d.History.LastOrDefault()?.At, d.InstalledOn, communities[i]?.Code, communities[i]?.Name,
                d.Building, d.Entrance, d.Model, d.ProfileId, d.ProjectId, d.RetiredOn);
        }).ToList();
    }

    private static DateOnly Today => DateOnly.FromDateTime(DateTime.Today);

    internal static IResult UnknownDevice() => ProblemResults.Problem(404, "id", "No device is registered under this id.", "找不到该设备。");

    private static IResult UnknownKind(string field, string kind) => ProblemResults.Problem(400, field,
        $"Unknown device kind '{kind}'; one of {string.Join(", ", DeviceKinds.All.Select(k => k.Code))}.",
        $"设备类型无效，可选：{string.Join("、", DeviceKinds.All.Select(k => $"{k.Code}（{k.NameZh}）"))}。");

    private static IResult UnknownStatus(string field, string status) => ProblemResults.Problem(400, field,
        $"Unknown status '{status}'; one of {string.Join(", ", DeviceStatuses.All.Select(s => s.Code))}.",
        $"设备状态无效，可选：{string.Join("、", DeviceStatuses.All.Select(s => $"{s.Code}（{s.NameZh}）"))}。");
}

/// <summary>A device in answers: names in both languages and the community its location lies in today.</summary>
public sealed record DeviceAnswer(
    Guid Id, string Kind, string? KindZh, string? KindEn, string Name, string Compound, Guid? CompoundId, double Lon, double Lat,
    string Status, string? StatusZh, string? StatusEn, DateTimeOffset? StatusSince, DateOnly InstalledOn, string? CommunityCode, string? CommunityName,
    string? Building, string? Entrance, string? Model, Guid? ProfileId, Guid? ProjectId, DateOnly? RetiredOn);
