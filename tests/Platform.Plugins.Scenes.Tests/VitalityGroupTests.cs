using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;
using static Platform.Plugins.Scenes.Tests.VitalityTools;

namespace Platform.Plugins.Scenes.Tests;

[Collection(ScenesCollection.Name)]
public sealed class VitalityGroupTests(PlatformFixture fixture)
{
    [Fact]
    public async Task A_group_grows_from_sprouting_to_registered_to_mature_with_members_joining_and_leaving()
    {
        var worker = await fixture.Factory.ClientForAsync("worker");
        var founded = await worker.PostAsJsonAsync($"{Scene}/groups", new
        {
            name = "人才公寓围棋社（测试）", specialty = "other", homeSpace = "人才公寓3栋架空层", lon = Lon, lat = Lat, members = 5,
            foundedOn = "2026-03-01", tags = new[] { "围棋", "青少年" }, supportedBy = "兴隆街道社会组织孵化中心", leader = "测试负责人",
        });
        Assert.Equal(HttpStatusCode.Created, founded.StatusCode);
        var group = await founded.JsonAsync();
        Assert.Equal("sprouting", group.GetProperty("stage").GetString());
        Assert.Equal("萌芽", group.GetProperty("stageZh").GetString());
        var id = group.GetProperty("id").GetString();

        var skip = await worker.PostAsJsonAsync($"{Scene}/groups/{id}/stage", new { stage = "mature", on = "2026-05-01" });
        Assert.Equal(HttpStatusCode.Conflict, skip.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await worker.PostAsJsonAsync($"{Scene}/groups/{id}/stage", new { stage = "registered", on = "2026-02-01" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await worker.PostAsJsonAsync($"{Scene}/groups/{id}/stage", new { stage = "registered", on = "2026-05-01" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await worker.PostAsJsonAsync($"{Scene}/groups/{id}/stage", new { stage = "mature", on = "2026-09-01" })).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await worker.PostAsJsonAsync($"{Scene}/groups/{id}/members", new { name = "张三（测试）" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await worker.PostAsJsonAsync($"{Scene}/groups/{id}/members", new { name = "李四（测试）" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await worker.PostAsJsonAsync($"{Scene}/groups/{id}/members", new { name = "李四（测试）" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await worker.PostAsJsonAsync($"{Scene}/groups/{id}/members/leave", new { name = "张三（测试）" })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await worker.PostAsJsonAsync($"{Scene}/groups/{id}/members/leave", new { name = "王五（测试）" })).StatusCode);

        using var anonymous = fixture.Factory.CreateClient();
        var after = await anonymous.GetFromJsonAsync<JsonElement>($"{Scene}/groups/{id}");
        Assert.Equal("mature", after.GetProperty("stage").GetString());
        Assert.Equal("2026-05-01", after.GetProperty("registeredOn").GetString());
        Assert.Equal("2026-09-01", after.GetProperty("maturedOn").GetString());
        Assert.Equal(6, after.GetProperty("members").GetInt32()); // 5 at founding, 2 joined, 1 left
        Assert.Equal(["围棋", "青少年"], after.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.DoesNotContain("测试负责人", after.GetRawText());
        Assert.DoesNotContain("李四", after.GetRawText());
        var members = await worker.GetFromJsonAsync<JsonElement>($"{Scene}/groups/{id}/members");
        Assert.Equal(["李四（测试）"], members.GetProperty("named").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal("测试负责人", members.GetProperty("leader").GetString());
    }

    [Fact]
    public async Task A_community_has_one_specialty_group()
    {
        var worker = await fixture.Factory.ClientForAsync("worker");
        using var anonymous = fixture.Factory.CreateClient();
        var groups = (await anonymous.GetFromJsonAsync<JsonElement>($"{Scene}/groups?community={Scenes.WorkerCommunity}")).EnumerateArray().ToList();
        var signature = groups.Single(g => g.GetProperty("signature").GetBoolean());
        var second = await worker.PostAsJsonAsync($"{Scene}/groups", new { name = "第二个特色团队（测试）", specialty = "arts", homeSpace = "架空层", lon = Lon, lat = Lat, signature = true });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var problem = await second.JsonAsync();
        Assert.Equal("signature", problem.GetProperty("field").GetString());
        Assert.Contains(signature.GetProperty("name").GetString()!, problem.GetProperty("detailZh").GetString());
        Assert.DoesNotContain((await anonymous.GetFromJsonAsync<JsonElement>($"{Scene}/groups")).EnumerateArray(), g => g.GetProperty("name").GetString() == "第二个特色团队（测试）");

        var other = groups.First(g => !g.GetProperty("signature").GetBoolean()).GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.Conflict, (await worker.PostAsJsonAsync($"{Scene}/groups/{other}/signature", new { signature = true })).StatusCode);
    }

    [Fact]
    public async Task Every_demo_community_with_groups_has_exactly_one_specialty_group()
    {
        using var anonymous = fixture.Factory.CreateClient();
        var groups = (await anonymous.GetFromJsonAsync<JsonElement>($"{Scene}/groups")).EnumerateArray().Where(g => g.GetProperty("communityCode").ValueKind == JsonValueKind.String).ToList();
        var byCommunity = groups.GroupBy(g => g.GetProperty("communityCode").GetString()).ToList();
        Assert.True(byCommunity.Count >= 4);
        Assert.All(byCommunity, c => Assert.True(c.Count(g => g.GetProperty("signature").GetBoolean()) <= 1, c.Key));
        Assert.True(byCommunity.Count(c => c.Any(g => g.GetProperty("signature").GetBoolean())) >= 4);
    }
}
