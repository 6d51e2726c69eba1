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
    public static bool MayEditCommunity(this ClaimsPrincipal user, string? communityCode) =>
        user.IsInRole(PlatformRoles.Administrator)
        || (user.IsInRole(PlatformRoles.Worker) && communityCode is not null && user.Community() == communityCode);

    /// <summary>A command context for this user, with the request's trace id as correlation id.</summary>
    public static CommandContext ToCommandContext(this ClaimsPrincipal user, string? reason, string correlationId) =>
        new(user.UserName(), reason, correlationId);
}
