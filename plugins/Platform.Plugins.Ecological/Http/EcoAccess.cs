using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Jurisdiction;
using Platform.Abstractions.Security;
using Platform.Plugins.Ecological.Gardens;
using Platform.Plugins.Ecological.Households;
using Platform.Spatial;

namespace Platform.Plugins.Ecological.Http;

/// <summary>Who may do what in the ecological scene.</summary>
internal static class EcoAccess
{
    /// <summary>
    /// Taking part (register, claim, release, join a waiting list, enter a lottery): residents for their own
    /// households, workers and administrators for anyone's. Planners and developers read only.
    /// </summary>
    public static void Participate(AuthorizationPolicyBuilder policy) =>
        policy.RequireRole(PlatformRoles.Administrator, PlatformRoles.Worker, PlatformRoles.Resident);

    /// <summary>The community a garden lies in today, from the jurisdiction register; the one recorded at layout if the register does not know the place.</summary>
    public static async Task<(string? Code, string? Name)> CommunityOfAsync(IJurisdictionLocator locator, GardenView garden, DateOnly date, CancellationToken ct)
    {
        var point = GeometryMeasurement.InteriorPoint(WellKnownText.Read(garden.BoundaryWkt));
        var located = (await locator.LocateAsync(point.X, point.Y, date, ct)).Community;
        return located is not null ? (located.Code, located.Name) : (garden.CommunityCode, garden.CommunityName);
    }

    /// <summary>Laying out and running a garden: administrators, and workers of the garden's community.</summary>
    public static async Task<IResult?> MayManageAsync(ClaimsPrincipal user, IJurisdictionLocator locator, GardenView garden, CancellationToken ct)
    {
        if (user.IsInRole(PlatformRoles.Administrator))
            return null;
        var (code, name) = await CommunityOfAsync(locator, garden, Today, ct);
        return user.MayEditCommunity(code)
            ? null
            : ProblemResults.Problem(403, "gardenId", $"Only administrators and workers of {name ?? "the garden's community"} may manage this garden.",
                $"只有管理员和{name ?? "园地所在社区"}的社区工作者可以管理该园地。");
    }

    /// <summary>Acting for a household: its registrant, workers of the garden's community, administrators.</summary>
    public static async Task<IResult?> MayActForAsync(ClaimsPrincipal user, HouseholdView household, IJurisdictionLocator locator, GardenView garden, string field, CancellationToken ct)
    {
        if (user.IsInRole(PlatformRoles.Administrator) || household.RegisteredBy == user.UserName())
            return null;
        if (user.IsInRole(PlatformRoles.Worker) && user.MayEditCommunity((await CommunityOfAsync(locator, garden, Today, ct)).Code))
            return null;
        return ProblemResults.Problem(403, field, "You may act only for households you registered.", "只能为本人登记的住户办理。");
    }

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.Today);

    public static CommandContext Context(this HttpContext http, string? reason = null) =>
        http.User.ToCommandContext(reason, http.TraceIdentifier);
}
