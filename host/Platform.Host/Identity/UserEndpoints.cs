using Platform.Abstractions.Commands;
using Platform.Abstractions.Http;
using Platform.Abstractions.Jurisdiction;
using Platform.Abstractions.Security;

namespace Platform.Host.Identity;

/// <summary><c>/api/users</c>: administrators add users, revise their roles and community, disable and enable them, reset passwords.</summary>
internal static class UserEndpoints
{
    public sealed record UserView(string UserName, string DisplayName, List<CodedValue> Roles, string? Community, string? CommunityName, bool Disabled,
        DateTimeOffset CreatedAt, string CreatedBy);

    public sealed record AddBody(string? UserName, string? DisplayName, string[]? Roles, string? Community, string? Password);

    public sealed record ReviseBody(string? DisplayName, string[]? Roles, string? Community, string? Reason);

    public sealed record ReasonBody(string? Reason);

    public sealed record PasswordBody(string? Password, string? Reason);

    /// <summary>The outcome of an administrator's change of a user.</summary>
    public sealed record UserChanged(string UserName);

    public static readonly IReadOnlyDictionary<string, (string Zh, string En)> RoleNames = new Dictionary<string, (string, string)>
    {
        [PlatformRoles.Administrator] = ("管理员", "Administrator"), [PlatformRoles.Planner] = ("规划人员", "Planner"),
        [PlatformRoles.Worker] = ("社区工作者", "Community worker"), [PlatformRoles.Developer] = ("模块开发者", "Module developer"),
        [PlatformRoles.Resident] = ("居民", "Resident"),
    };

    public static void MapUserEndpoints(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/users").WithTags("Users").RequireAuthorization(PlatformPolicies.Administer);
        users.MapGet("", async (UserAdministration admin, IJurisdictionLocator jurisdiction, CancellationToken ct) =>
        {
            var communities = (await jurisdiction.CommunitiesAsync(DateOnly.FromDateTime(DateTime.Today), ct)).ToDictionary(u => u.Code, u => u.Name);
            return (await admin.ListAsync(ct)).Select(u => new UserView(u.Id, u.DisplayName,
                [.. u.Roles.Select(r => new CodedValue(r, RoleNames.TryGetValue(r, out var n) ? n.Zh : r, RoleNames.TryGetValue(r, out var m) ? m.En : r))],
                u.Community, u.Community is null ? null : communities.GetValueOrDefault(u.Community), u.Disabled, u.CreatedAt, u.CreatedBy)).ToList();
        }).WithName("ListUsers").Produces<List<UserView>>();

        users.MapPost("", async (HttpContext http, UserAdministration admin) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<AddBody>(http);
            if (bad is not null)
                return bad;
            var refused = await admin.AddAsync(body!.UserName, body.DisplayName, body.Roles, body.Community, body.Password,
                http.User.ToCommandContext("添加用户", http.TraceIdentifier), http.RequestAborted);
            return refused is { } r ? ProblemResults.Problem(r.Status, r.Field, r.Reason, r.ReasonZh)
                : Results.Created($"/api/users/{body.UserName!.Trim().ToLowerInvariant()}", new UserChanged(body.UserName.Trim().ToLowerInvariant()));
        }).WithRequestBody<AddBody>().WithName("AddUser").Produces<UserChanged>(StatusCodes.Status201Created);

        users.MapPatch("/{userName}", async (string userName, HttpContext http, UserAdministration admin) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<ReviseBody>(http);
            if (bad is not null)
                return bad;
            return Answer(userName, await admin.ReviseAsync(userName, body!.DisplayName, body.Roles, body.Community,
                http.User.ToCommandContext(body.Reason, http.TraceIdentifier), http.RequestAborted));
        }).WithRequestBody<ReviseBody>().WithName("ReviseUser").Produces<UserChanged>();

        foreach (var (path, disabled, name) in new[] { ("disable", true, "DisableUser"), ("enable", false, "EnableUser") })
            users.MapPost($"/{{userName}}/{path}", async (string userName, HttpContext http, UserAdministration admin) =>
            {
                var (body, bad) = await RequestBody.ReadAsync<ReasonBody>(http);
                if (bad is not null)
                    return bad;
                return Answer(userName, await admin.SetDisabledAsync(userName, disabled, http.User.ToCommandContext(body!.Reason, http.TraceIdentifier), http.RequestAborted));
            }).WithRequestBody<ReasonBody>().WithName(name).Produces<UserChanged>();

        users.MapPost("/{userName}/password", async (string userName, HttpContext http, UserAdministration admin) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<PasswordBody>(http);
            if (bad is not null)
                return bad;
            return Answer(userName, await admin.ResetPasswordAsync(userName, body!.Password, http.User.ToCommandContext(body.Reason, http.TraceIdentifier), http.RequestAborted));
        }).WithRequestBody<PasswordBody>().WithName("ResetUserPassword").Produces<UserChanged>();
    }

    private static IResult Answer(string userName, UserAdministration.Refusal? refused) =>
        refused is { } r ? ProblemResults.Problem(r.Status, r.Field, r.Reason, r.ReasonZh) : Results.Ok(new UserChanged(userName.Trim().ToLowerInvariant()));
}
