using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Host.Identity;
using Platform.Testing;

namespace Platform.Host.Tests.Jurisdiction;

/// <summary>
/// A small hand-made jurisdiction built through the HTTP API in a band of longitude of its own:
/// street S = [x, x+0.06] × [30.50, 30.52]; community A, villages V1, V2, V3 side by side (A 0.02°
/// wide, V1 and V2 0.01°, V3 0.02°); groups G1, G2 in V1 and GA in A. Founded on 2019-01-01.
/// </summary>
public sealed class TestJurisdiction
{
    public const string Founded = "2019-01-01";
    public required string Tag { get; init; }
    public required double X { get; init; }
    public Guid Street { get; private set; }
    public Guid A { get; private set; }
    public Guid V1 { get; private set; }
    public Guid V2 { get; private set; }
    public Guid V3 { get; private set; }
    public Guid G1 { get; private set; }
    public Guid G2 { get; private set; }
    public Guid GA { get; private set; }
    public string CommunityCode => $"{Tag}-A";

    public static async Task<TestJurisdiction> BuildAsync(HttpClient admin, double x)
    {
        var j = new TestJurisdiction { Tag = "T" + Guid.NewGuid().ToString("N")[..6], X = x };
        j.Street = await EstablishAsync(admin, $"{j.Tag}-S", "测试街道", "street", null, Box(x, 30.50, x + 0.06, 30.52));
        j.A = await EstablishAsync(admin, j.CommunityCode, "甲社区", "community", j.Street, Box(x, 30.50, x + 0.02, 30.52));
        j.V1 = await EstablishAsync(admin, $"{j.Tag}-V1", "一村", "village", j.Street, Box(x + 0.02, 30.50, x + 0.03, 30.52));
        j.V2 = await EstablishAsync(admin, $"{j.Tag}-V2", "二村", "village", j.Street, Box(x + 0.03, 30.50, x + 0.04, 30.52));
        j.V3 = await EstablishAsync(admin, $"{j.Tag}-V3", "三村", "village", j.Street, Box(x + 0.04, 30.50, x + 0.06, 30.52));
        j.G1 = await EstablishAsync(admin, $"{j.Tag}-V1-G1", "一村1组", "group", j.V1, Box(x + 0.021, 30.501, x + 0.025, 30.519));
        j.G2 = await EstablishAsync(admin, $"{j.Tag}-V1-G2", "一村2组", "group", j.V1, Box(x + 0.025, 30.501, x + 0.029, 30.519));
        j.GA = await EstablishAsync(admin, $"{j.Tag}-A-G1", "甲社区1组", "group", j.A, Box(x + 0.001, 30.501, x + 0.01, 30.519));
        return j;
    }

    public static object Box(double w, double s, double e, double n) => new
    {
        type = "Polygon",
        coordinates = new[] { new[] { new[] { w, s }, new[] { e, s }, new[] { e, n }, new[] { w, n }, new[] { w, s } } },
    };

    public static object Decision(string date, string reason = "测试调整") =>
        new { documentNumber = "测试〔" + date[..4] + "〕1号", effectiveDate = date, reason };

    public static async Task<Guid> EstablishAsync(HttpClient client, string code, string name, string level, Guid? parentId, object geometry, string date = Founded)
    {
        var response = await client.PostAsJsonAsync("/api/jurisdiction/units",
            new { code, name, level, parentId, geometry, decision = Decision(date, "设立") });
        if (response.StatusCode != HttpStatusCode.Created)
            throw new InvalidOperationException($"establishing {name}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    /// <summary>A worker of community A, created directly in the user directory.</summary>
    public async Task<HttpClient> WorkerAsync(PlatformFactory factory)
    {
        var name = "w" + Tag.ToLowerInvariant();
        await factory.Service<UserDirectory>().CreateAsync(name, "测试社区工作者", "pw-" + Tag, ["worker"], CommunityCode, "test");
        return await factory.ClientForAsync(name, "pw-" + Tag);
    }
}
