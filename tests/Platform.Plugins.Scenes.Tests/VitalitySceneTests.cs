using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Abstractions.Reports;
using Platform.Testing;

namespace Platform.Plugins.Scenes.Tests;

[Collection(ScenesCollection.Name)]
public sealed class VitalitySceneTests(PlatformFixture fixture)
{
    private const string Groups = "/api/scenes/vitality/groups";
    private const string Activities = "/api/scenes/vitality/activities";

    private static string Today => DateTime.Today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_plugin_runs_and_its_activity_layer_is_listed()
    {
        using var client = fixture.Factory.CreateClient();
        var plugin = (await client.GetFromJsonAsync<JsonElement>("/api/plugins")).EnumerateArray().Single(p => p.GetProperty("id").GetString() == "vitality");
        Assert.Equal("running", plugin.GetProperty("state").GetString());
        Assert.Equal("活力场景", plugin.GetProperty("nameZh").GetString());
        var layer = (await client.GetFromJsonAsync<JsonElement>("/api/layers")).EnumerateArray().Single(l => l.GetProperty("id").GetString() == "vitality-activities");
        Assert.Equal("Point", layer.GetProperty("geometryType").GetString());
        Assert.Contains(layer.GetProperty("style").GetProperty("legend").EnumerateArray(), e => e.GetProperty("value").GetString() == "ground_floor");
    }

    [Fact]
    public async Task Demo_groups_and_activities_are_listed_with_their_communities()
    {
        using var client = fixture.Factory.CreateClient();
        var groups = (await client.GetFromJsonAsync<JsonElement>(Groups)).EnumerateArray().ToList();
        var choir = groups.Single(g => g.GetProperty("name").GetString() == "湖畔合唱团");
        Assert.Equal(Scenes.WorkerCommunity, choir.GetProperty("communityCode").GetString());
        Assert.True(choir.GetProperty("activities").GetInt32() >= 2);
        var activities = (await client.GetFromJsonAsync<JsonElement>($"{Activities}?groupId={choir.GetProperty("id").GetString()}")).EnumerateArray().ToList();
        Assert.Equal(choir.GetProperty("participants").GetInt32(), activities.Sum(a => a.GetProperty("participants").GetInt32()));
        Assert.Contains(activities, a => a.GetProperty("spaceKind").GetString() == "ground_floor" && a.GetProperty("spaceKindZh").GetString() == "架空层");
    }

    [Fact]
    public async Task A_worker_founds_a_group_in_their_community_and_records_its_activity()
    {
        var worker = await fixture.Factory.ClientForAsync("worker");
        var founded = await worker.PostAsJsonAsync(Groups, new { name = "人才公寓乒乓球队（测试）", specialty = "sports", homeSpace = "人才公寓2栋架空层", lon = 104.0548, lat = 30.4152, members = 12 });
        Assert.Equal(HttpStatusCode.Created, founded.StatusCode);
        var group = await founded.JsonAsync();
        Assert.Equal(Scenes.WorkerCommunity, group.GetProperty("communityCode").GetString());
        var groupId = group.GetProperty("id").GetString();

        var held = await worker.PostAsJsonAsync(Activities, new
        {
            title = "架空层乒乓球友谊赛", groupId, spaceKind = "ground_floor", spaceName = "人才公寓2栋架空层", lon = 104.0548, lat = 30.4152, heldOn = Today, participants = 26,
        });
        Assert.Equal(HttpStatusCode.Created, held.StatusCode);
        Assert.Equal("人才公寓乒乓球队（测试）", (await held.JsonAsync()).GetProperty("groupName").GetString());
        var after = await worker.GetFromJsonAsync<JsonElement>($"{Groups}/{groupId}");
        Assert.Equal(1, after.GetProperty("activities").GetInt32());
        Assert.Equal(26, after.GetProperty("participants").GetInt32());
    }

    [Fact]
    public async Task A_worker_may_not_record_outside_their_community()
    {
        var worker = await fixture.Factory.ClientForAsync("worker");
        var response = await worker.PostAsJsonAsync(Activities, new
        {
            title = "坝坝舞", spaceKind = "square", spaceName = "北鑫苑广场", lon = 104.097, lat = 30.385, heldOn = Today, participants = 40,
        });
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("lon", await response.FieldAsync());
    }

    [Theory]
    [InlineData("""{"spaceKind":"square","spaceName":"广场","lon":104.062,"lat":30.41,"heldOn":"2025-01-01","participants":1}""", "title")]
    [InlineData("""{"title":"t","spaceKind":"roof","spaceName":"广场","lon":104.062,"lat":30.41,"heldOn":"2025-01-01","participants":1}""", "spaceKind")]
    [InlineData("""{"title":"t","spaceKind":"square","lon":104.062,"lat":30.41,"heldOn":"2025-01-01","participants":1}""", "spaceName")]
    [InlineData("""{"title":"t","spaceKind":"square","spaceName":"广场","lon":104.062,"lat":95,"heldOn":"2025-01-01","participants":1}""", "lat")]
    [InlineData("""{"title":"t","spaceKind":"square","spaceName":"广场","lon":104.062,"lat":30.41,"participants":1}""", "heldOn")]
    [InlineData("""{"title":"t","spaceKind":"square","spaceName":"广场","lon":104.062,"lat":30.41,"heldOn":"2999-01-01","participants":1}""", "heldOn")]
    [InlineData("""{"title":"t","spaceKind":"square","spaceName":"广场","lon":104.062,"lat":30.41,"heldOn":"2025-01-01","participants":-3}""", "participants")]
    [InlineData("""{"title":"t","spaceKind":"square","spaceName":"广场","lon":104.062,"lat":30.41,"heldOn":"2025-01-01","participants":1,"groupId":"00000000-0000-0000-0000-000000000001"}""", "groupId")]
    public async Task An_invalid_activity_is_refused_as_a_problem_naming_the_field(string body, string field)
    {
        var admin = await fixture.Factory.ClientForAsync("admin");
        var response = await admin.PostAsync(Activities, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, await response.FieldAsync());
    }

    [Theory]
    [InlineData("""{"specialty":"arts","homeSpace":"h","lon":104.062,"lat":30.41}""", "name")]
    [InlineData("""{"name":"n","specialty":"karaoke","homeSpace":"h","lon":104.062,"lat":30.41}""", "specialty")]
    [InlineData("""{"name":"n","specialty":"arts","lon":104.062,"lat":30.41}""", "homeSpace")]
    [InlineData("""{"name":"n","specialty":"arts","homeSpace":"h","lon":104.062,"lat":30.41,"members":-1}""", "members")]
    public async Task An_invalid_group_is_refused_as_a_problem_naming_the_field(string body, string field)
    {
        var admin = await fixture.Factory.ClientForAsync("admin");
        var response = await admin.PostAsync(Groups, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, await response.FieldAsync());
    }

    [Fact]
    public async Task The_report_section_totals_groups_activities_and_participants_per_community()
    {
        using var client = fixture.Factory.CreateClient();
        var today = DateOnly.FromDateTime(DateTime.Today);
        var from = today.AddDays(-60);
        var activities = (await client.GetFromJsonAsync<JsonElement>($"{Activities}?from={from:yyyy-MM-dd}&to={today:yyyy-MM-dd}")).EnumerateArray().ToList();
        var data = await fixture.Factory.ReportDataAsync("vitality", new ReportPeriod(from, today, null));
        Assert.Equal(activities.Count, (int)data["activities"]!);
        Assert.Equal(activities.Sum(a => a.GetProperty("participants").GetInt32()), (int)data["participants"]!);
        var rows = (IEnumerable<Dictionary<string, object?>>)data["communities"]!;
        var lake = rows.Single(r => (string?)r["community_code"] == Scenes.WorkerCommunity);
        Assert.Equal(activities.Where(a => a.GetProperty("communityCode").GetString() == Scenes.WorkerCommunity).Sum(a => a.GetProperty("participants").GetInt32()), (int)lake["participants"]!);
        Assert.Equal(rows.Sum(r => (int)r["groups"]!), (int)data["groups"]!);
    }
}
