using Marten;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Jurisdiction;
using Platform.Abstractions.Security;

namespace Platform.Host.Identity;

/// <summary>
/// What administrators do to users: add, revise (name, roles, community), disable and enable, reset the password. Each change
/// is checked whole before anything is stored, stored with its audit event in one transaction, and attributed to the
/// administrator with the reason given. The last enabled administrator cannot be disabled or lose the role, and nobody
/// disables themselves.
/// </summary>
internal sealed class UserAdministration(IDocumentStore store, UserDirectory directory, IJurisdictionLocator jurisdiction, TimeProvider clock)
{
    /// <summary>A refusal: the HTTP status, the field it concerns and why, in English and Chinese.</summary>
    public sealed record Refusal(int Status, string Field, string Reason, string ReasonZh);

    public async Task<IReadOnlyList<UserAccount>> ListAsync(CancellationToken ct)
    {
        await using var session = store.QuerySession();
        return [.. (await session.Query<UserAccount>().ToListAsync(ct)).OrderBy(u => u.Id, StringComparer.Ordinal)];
    }

    public async Task<Refusal?> AddAsync(string? userName, string? displayName, string[]? roles, string? community, string? password, CommandContext context, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(userName) || userName.Trim().Length is < 2 or > 32 || !userName.Trim().All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-'))
            return new(400, "userName", "The user name has 2 to 32 letters, digits, '_', '.' or '-'.", "用户名须为 2 至 32 位字母、数字或 _ . -。");
        if (await CheckAsync(displayName, roles, community, ct) is { } bad)
            return bad;
        if (PasswordProblem(password) is { } weak)
            return weak;
        return await directory.CreateAsync(userName.Trim(), displayName!.Trim(), password!, roles!.Distinct().ToArray(), Scoped(roles!, community), context.UserId, ct)
            ? null : new(409, "userName", $"The user '{userName}' exists already.", $"用户“{userName}”已存在。");
    }

    public Task<Refusal?> ReviseAsync(string userName, string? displayName, string[]? roles, string? community, CommandContext context, CancellationToken ct) =>
        ChangeAsync(userName, context, ct, async (user, session) =>
        {
            var name = displayName ?? user.DisplayName;
            var newRoles = roles ?? user.Roles;
            var newCommunity = community ?? user.Community;
            if (await CheckAsync(name, newRoles, newCommunity, ct) is { } bad)
                return bad;
            if (user.Roles.Contains(PlatformRoles.Administrator) && !newRoles.Contains(PlatformRoles.Administrator) && await IsLastAdministratorAsync(session, user, ct))
                return new(409, "roles", "This is the last enabled administrator; give another user the role first.", "这是最后一个启用的管理员，请先为其他用户授予管理员角色。");
            (user.DisplayName, user.Roles, user.Community) = (name.Trim(), newRoles.Distinct().ToArray(), Scoped(newRoles, newCommunity));
            // Roles and community are in every cookie and token: the user signs in again to get the new ones.
            user.SecurityStamp = UserDirectory.NewStamp();
            session.Events.Append(UserStreams.Of(user.Id), new UserRevised(user.Id, user.DisplayName, user.Roles, user.Community));
            return null;
        });

    public Task<Refusal?> SetDisabledAsync(string userName, bool disabled, CommandContext context, CancellationToken ct) =>
        ChangeAsync(userName, context, ct, async (user, session) =>
        {
            if (user.Disabled == disabled)
                return new(409, "userName", disabled ? "The user is disabled already." : "The user is enabled already.", disabled ? "该用户已停用。" : "该用户已启用。");
            if (disabled && user.Id == context.UserId)
                return new(409, "userName", "Administrators do not disable themselves.", "不能停用自己的账户。");
            if (disabled && user.Roles.Contains(PlatformRoles.Administrator) && await IsLastAdministratorAsync(session, user, ct))
                return new(409, "userName", "This is the last enabled administrator.", "这是最后一个启用的管理员，不能停用。");
            user.Disabled = disabled;
            user.SecurityStamp = UserDirectory.NewStamp();
            session.Events.Append(UserStreams.Of(user.Id), disabled ? new UserDisabled(user.Id) : new UserEnabled(user.Id));
            return null;
        });

    public Task<Refusal?> ResetPasswordAsync(string userName, string? password, CommandContext context, CancellationToken ct) =>
        ChangeAsync(userName, context, ct, (user, session) =>
        {
            if (PasswordProblem(password) is { } weak)
                return Task.FromResult<Refusal?>(weak);
            user.PasswordHash = PasswordHasher.Hash(password!);
            user.SecurityStamp = UserDirectory.NewStamp();
            session.Events.Append(UserStreams.Of(user.Id), new UserPasswordReset(user.Id));
            return Task.FromResult<Refusal?>(null);
        });

    private async Task<Refusal?> ChangeAsync(string userName, CommandContext context, CancellationToken ct, Func<UserAccount, IDocumentSession, Task<Refusal?>> change)
    {
        if (string.IsNullOrWhiteSpace(context.Reason) || context.Reason.Length > 200)
            return new(400, "reason", "Say why (at most 200 characters); it goes into the audit log.", "须说明原因（不超过 200 字），将记入操作日志。");
        await using var session = store.LightweightSession();
        session.AttributeTo(context);
        if (await session.LoadAsync<UserAccount>(UserDirectory.Normalise(userName), ct) is not { } user)
            return new(404, "userName", $"No user '{userName}'.", $"没有用户“{userName}”。");
        if (await change(user, session) is { } refused)
            return refused;
        session.Store(user);
        await session.SaveChangesAsync(ct);
        directory.Forget(user.Id);
        return null;
    }

    private async Task<Refusal?> CheckAsync(string? displayName, string[]? roles, string? community, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(displayName) || displayName.Trim().Length > 50)
            return new(400, "displayName", "The display name is required (at most 50 characters).", "姓名（显示名）必填，不超过 50 字。");
        if (roles is null || roles.Length == 0)
            return new(400, "roles", "Give at least one role.", "至少选择一个角色。");
        for (var i = 0; i < roles.Length; i++)
            if (!PlatformRoles.All.Contains(roles[i]))
                return new(400, $"roles[{i}]", $"roles are {string.Join(", ", PlatformRoles.All)}.", $"未知角色“{roles[i]}”。");
        if (roles.Contains(PlatformRoles.Worker) && string.IsNullOrWhiteSpace(community))
            return new(400, "community", "A community worker is scoped to a community: give its code.", "社区工作者须指定所属社区。");
        if (!string.IsNullOrWhiteSpace(community) && roles.Contains(PlatformRoles.Worker)
            && !(await jurisdiction.CommunitiesAsync(DateOnly.FromDateTime(clock.GetLocalNow().DateTime), ct)).Any(u => u.Code == community))
            return new(400, "community", $"No community '{community}' is in force today.", $"当前没有代码为“{community}”的社区。");
        return null;
    }

    /// <summary>Only workers are scoped to a community; other roles see the whole street.</summary>
    private static string? Scoped(string[] roles, string? community) => roles.Contains(PlatformRoles.Worker) && !string.IsNullOrWhiteSpace(community) ? community.Trim() : null;

    private static Refusal? PasswordProblem(string? password) =>
        string.IsNullOrEmpty(password) || password.Length < AuthEndpoints.MinPasswordLength || password.Length > 200
            ? new(400, "password", $"The password has {AuthEndpoints.MinPasswordLength} to 200 characters.", $"密码须为 {AuthEndpoints.MinPasswordLength} 至 200 个字符。")
            : null;

    private static async Task<bool> IsLastAdministratorAsync(IQuerySession session, UserAccount user, CancellationToken ct) =>
        !(await session.Query<UserAccount>().ToListAsync(ct)).Any(u => u.Id != user.Id && !u.Disabled && u.Roles.Contains(PlatformRoles.Administrator));
}
