using Microsoft.AspNetCore.Http;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Jurisdiction;
using Platform.Abstractions.Security;

namespace Platform.Plugins.Smart.Devices;

/// <summary>Checks on a device's location: plausible coordinates, and who may change things there.</summary>
internal static class Location
{
    /// <summary>A 400 problem unless (lon, lat) are finite EPSG:4490 degrees inside China's extent (73–136°E, 3–54°N).</summary>
    public static IResult? Invalid(double lon, double lat) =>
        !double.IsFinite(lon) || lon is < 73 or > 136 ? ProblemResults.Problem(400, "lon", "The longitude is not in China (73–136°E, EPSG:4490).", "经度不在中国范围内（东经 73–136°）。")
        : !double.IsFinite(lat) || lat is < 3 or > 54 ? ProblemResults.Problem(400, "lat", "The latitude is not in China (3–54°N, EPSG:4490).", "纬度不在中国范围内（北纬 3–54°）。")
        : null;

    /// <summary>Null when the user may change data at (lon, lat) today — administrators anywhere, workers in their own community — else a 403 problem.</summary>
    public static async Task<IResult?> MayEditAsync(HttpContext http, IJurisdictionLocator locator, double lon, double lat, string field)
    {
        if (http.User.IsInRole(PlatformRoles.Administrator))
            return null;
        var community = (await locator.LocateAsync(lon, lat, DateOnly.FromDateTime(DateTime.Today), http.RequestAborted)).Community;
        return http.User.MayEditCommunity(community?.Code)
            ? null
            : ProblemResults.Problem(403, field,
                $"Only administrators and workers of {community?.Name ?? "the community of this place"} may change devices here.",
                $"只有管理员和{community?.Name ?? "该位置所在社区"}的社区工作者可以登记或更新此处的设备。");
    }
}
