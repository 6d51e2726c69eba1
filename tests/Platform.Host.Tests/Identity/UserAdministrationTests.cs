using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Host.Tests.Security;
using Platform.Testing;

namespace Platform.Host.Tests.Identity;

/// <summary>Administrators manage users over <c>/api/users</c>; each change is in the audit log with who and why.</summary>
public sealed class UserAdministrationTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    [Fact]
    public async Task BadUsers_AreRefusedNamingTheField_AndNothingIsStored()
    {
        var admin = await fixture.Factory.ClientForAsync("admin");
        var before = (await admin.GetFromJsonAsync<JsonElement>("/api/users")).GetArrayLength();
        object User(string name, string[] roles, string? community, string password) => new { userName = name, displayName = "测试", roles, community, password };

        await (await admin.PostAsJsonAsync("/api/users", User("x", ["planner"], null, "long-enough-1"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "userName");
        await (await admin.PostAsJsonAsync("/api/users", User("t_role", ["mayor"], null, "long-enough-1"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "roles[0]");
        await (await admin.PostAsJsonAsync("/api/users", User("t_nocomm", ["worker"], null, "long-enough-1"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "community");
        await (await admin.PostAsJsonAsync("/api/users", User("t_badcomm", ["worker"], "XL-NONE", "long-enough-1"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "community");
        await (await admin.PostAsJsonAsync("/api/users", User("t_short", ["planner"], null, "short"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "password");
        await (await admin.PostAsJsonAsync("/api/users", User("worker", ["planner"], null, "long-enough-1"))).ShouldBeProblemAsync(HttpStatusCode.Conflict, "userName");
        await (await admin.PatchAsJsonAsync("/api/users/planner", new { displayName = "改名" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "reason");
        await (await admin.PostAsJsonAsync("/api/users/admin/disable", new { reason = "试试" })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "userName");
        await (await admin.PostAsJsonAsync("/api/users/nobody/enable", new { reason = "试试" })).ShouldBeProblemAsync(HttpStatusCode.NotFound, "userName");

        Assert.Equal(before, (await admin.GetFromJsonAsync<JsonElement>("/api/users")).GetArrayLength());
        Assert.NotEqual("改名", (await admin.GetFromJsonAsync<JsonElement>("/api/users")).EnumerateArray().Single(u => u.GetProperty("userName").GetString() == "planner")
            .GetProperty("displayName").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await (await fixture.Factory.ClientForAsync("planner")).GetAsync("/api/users")).StatusCode);
    }

    [Fact]
    public async Task AWorkerAddedForBaoshui_WritesOnlyThere_AndDisablingEndsTheirSessions_AndTheAuditLogSaysWhoAndWhy()
    {
        var admin = await fixture.Factory.ClientForAsync("admin");
        var name = "bs_" + Guid.NewGuid().ToString("N")[..8];
        var added = await admin.PostAsJsonAsync("/api/users", new { userName = name, displayName = "保水社区工作者", roles = new[] { "worker" }, community = "XL-BS", password = "first-pass-1" });
        Assert.Equal(HttpStatusCode.Created, added.StatusCode);

        var worker = await SignInAsync(name, "first-pass-1");
        Assert.Equal("XL-BS", (await worker.GetFromJsonAsync<JsonElement>("/api/auth/me")).GetProperty("community").GetString());
        var compounds = (await admin.GetFromJsonAsync<JsonElement>("/api/compounds")).EnumerateArray().ToList();
        var own = compounds.First(c => c.TryGetProperty("communityCode", out var code) && code.GetString() == "XL-BS");
        var other = compounds.First(c => c.TryGetProperty("communityCode", out var code) && code.GetString() == "XL-XLH");
        object Filing(JsonElement compound) => new { kind = "rental", compoundId = compound.GetProperty("id").GetGuid(), filedOn = "2026-11-30", parties = "租户与房东", documents = new[] { "租赁合同" } };
        Assert.Equal(HttpStatusCode.Created, (await worker.PostAsJsonAsync("/api/governance/filings", Filing(own))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.PostAsJsonAsync("/api/governance/filings", Filing(other))).StatusCode);

        (await admin.PostAsJsonAsync($"/api/users/{name}/disable", new { reason = "调离岗位" })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Unauthorized, (await worker.GetAsync("/api/auth/me")).StatusCode);
        var refused = await fixture.Factory.CreateClient().PostAsJsonAsync("/api/auth/login", new { username = name, password = "first-pass-1" });
        await refused.ShouldBeProblemAsync(HttpStatusCode.Forbidden, "username", "已停用");

        (await admin.PostAsJsonAsync($"/api/users/{name}/enable", new { reason = "返岗" })).EnsureSuccessStatusCode();
        (await admin.PostAsJsonAsync($"/api/users/{name}/password", new { password = "second-pass-2", reason = "忘记密码" })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Unauthorized, (await fixture.Factory.CreateClient().PostAsJsonAsync("/api/auth/login", new { username = name, password = "first-pass-1" })).StatusCode);
        var again = await SignInAsync(name, "second-pass-2");
        (await admin.PatchAsJsonAsync($"/api/users/{name}", new { roles = new[] { "planner" }, reason = "转为规划岗" })).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.Unauthorized, (await again.GetAsync("/api/auth/me")).StatusCode);
        var listed = (await admin.GetFromJsonAsync<JsonElement>("/api/users")).EnumerateArray().Single(u => u.GetProperty("userName").GetString() == name);
        Assert.Equal(["规划人员"], listed.GetProperty("roles").EnumerateArray().Select(r => r.GetProperty("nameZh").GetString()));
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("community").ValueKind);

        var log = (await admin.GetFromJsonAsync<JsonElement>("/api/audit?area=platform&user=admin")).EnumerateArray()
            .Where(e => e.GetProperty("record").GetGuid() == StreamOf(name)).ToList();
        Assert.Equal(["platform.user_revised", "platform.user_password_reset", "platform.user_enabled", "platform.user_disabled", "platform.user_added"],
            log.Select(e => e.GetProperty("type").GetString()));
        Assert.Equal(["转为规划岗", "忘记密码", "返岗", "调离岗位"], log.Take(4).Select(e => e.GetProperty("reason").GetString()));
        Assert.All(log, e => Assert.Equal("用户管理", e.GetProperty("areaZh").GetString()));
        var filed = (await admin.GetFromJsonAsync<JsonElement>($"/api/audit?user={name}")).EnumerateArray().ToList();
        Assert.Equal("governance.filing_recorded", Assert.Single(filed).GetProperty("type").GetString());

        var csv = await admin.GetAsync("/api/audit?area=platform&user=admin&format=csv");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("序号,时间,操作人,业务,事件,原因", lines[0]);
        Assert.Equal((await admin.GetFromJsonAsync<JsonElement>("/api/audit?area=platform&user=admin")).GetArrayLength(), lines.Length - 1);
        Assert.Contains(lines, l => l.Contains("platform.user_disabled") && l.Contains("调离岗位"));
        await (await admin.GetAsync("/api/audit?from=yesterday")).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "from");
    }

    private async Task<HttpClient> SignInAsync(string name, string password)
    {
        var client = fixture.Factory.CreateClient();
        var login = await client.PostAsJsonAsync("/api/auth/login", new { username = name, password });
        var text = await login.Content.ReadAsStringAsync();
        Assert.True(login.IsSuccessStatusCode, text);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", JsonDocument.Parse(text).RootElement.GetProperty("accessToken").GetString());
        return client;
    }

    private static Guid StreamOf(string name) =>
        new(System.Security.Cryptography.MD5.HashData(System.Text.Encoding.UTF8.GetBytes("platform.user:" + name)));
}
