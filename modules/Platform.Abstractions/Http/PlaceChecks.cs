using Microsoft.AspNetCore.Http;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Jurisdiction;
using Platform.Abstractions.Security;

namespace Platform.Abstractions.Http;

/// <summary>Checks on a place given in a request: plausible coordinates, and who may change things there.</summary>
public static class PlaceChecks
{
    /// <summary>A 400 problem unless (lon, lat) are finite EPSG:4490 degrees inside China's extent (73–136°E, 3–54°N).</summary>
    public static IResult? NotInChina(double lon, double lat) =>
        !double.IsFinite(lon) || lon is < 73 or > 136 ? ProblemResults.Problem(400, "lon", "The longitude is not in China (73–136°E, EPSG:4490).", "经度不在中国范围内（东经 73–136°）。")
        : !double.IsFinite(lat) || lat is < 3 or > 54 ? ProblemResults.Problem(400, "lat", "The latitude is not in China (3–54°N, EPSG:4490).", "纬度不在中国范围内（北纬 3–54°）。")
        : null;

    /// <summary>
    /// Null when the signed-in user may change data at (lon, lat) today — administrators anywhere, community
    /// workers inside their own community — else a 403 problem naming <paramref name="field"/> and the community.
    /// </summary>
    public static async Task<IResult?> MayEditAtAsync(HttpContext http, IJurisdictionLocator locator, double lon, double lat, string field)
    {
        if (http.User.IsInRole(PlatformRoles.Administrator))
            return null;
        var community = (await locator.CommunitiesOfAsync([(lon, lat)], DateOnly.FromDateTime(DateTime.Today), http.RequestAborted))[0];
        return http.User.MayEditCommunity(community?.Code)
            ? null
            : ProblemResults.Problem(403, field,
                $"Only administrators and community workers of {community?.Name ?? "the community of this place"} may change data here.",
                $"只有管理员和{community?.Name ?? "该位置所在社区"}的社区工作者可以在此处登记或修改数据。");
    }
}
