using System.Security.Claims;
using Platform.Abstractions.Commands;

namespace Platform.Abstractions.Security;

/// <summary>Reading the platform's claims from a principal.</summary>
public static class PrincipalExtensions
{
    /// <summary>The user name, or <c>anonymous</c>.</summary>
    public static string UserName(this ClaimsPrincipal user) => user.Identity?.Name ?? "anonymous";

    /// <summary>The community code of a community worker, or null.</summary>
    public static string? Community(this ClaimsPrincipal user) => user.FindFirst(PlatformClaims.Community)?.Value;

    /// <summary>
    /// True when the user may change data of the community <paramref name="communityCode"/>:
    /// administrators anywhere, workers inside their own community.
    /// </summary>
    public static bool MayEditCommunity(this ClaimsPrincipal user, string? communityCode) => user.Scope().Covers(communityCode);

    /// <summary>Which communities' records the user may change: administrators all, workers their own, others none.</summary>
    public static CallerScope Scope(this ClaimsPrincipal user) =>
        user.IsInRole(PlatformRoles.Administrator) ? CallerScope.Everywhere
        : user.IsInRole(PlatformRoles.Worker) && user.Community() is { } community ? CallerScope.OfCommunity(community)
        : CallerScope.Nowhere;

    /// <summary>True for staff (administrators, planners, workers, developers): they may see personal data such as contacts.</summary>
    public static bool MaySeePersonalData(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
        && (user.IsInRole(PlatformRoles.Administrator) || user.IsInRole(PlatformRoles.Planner)
            || user.IsInRole(PlatformRoles.Worker) || user.IsInRole(PlatformRoles.Developer));

    /// <summary>A command context for this user, with the request's trace id as correlation id and the user's scope.</summary>
    public static CommandContext ToCommandContext(this ClaimsPrincipal user, string? reason, string correlationId) =>
        new(user.UserName(), reason, correlationId) { Scope = user.Scope() };
}
