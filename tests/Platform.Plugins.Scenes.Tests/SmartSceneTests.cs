using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Abstractions.Reports;
using Platform.Testing;

namespace Platform.Plugins.Scenes.Tests;

[Collection(ScenesCollection.Name)]
public sealed class SmartSceneTests(PlatformFixture fixture)
{
    private const string Devices = "/api/scenes/smart/devices";

    [Fact]
    public async Task The_plugin_runs_and_its_layer_is_listed_with_a_legend_per_status()
    {
        using var client = fixture.Factory.CreateClient();
        var plugin = (await client.GetFromJsonAsync<JsonElement>("/api/plugins")).EnumerateArray().Single(p => p.GetProperty("id").GetString() == "smart");
        Assert.Equal("running", plugin.GetProperty("state").GetString());
        Assert.Equal("智慧场景", plugin.GetProperty("nameZh").GetString());
        var layer = (await client.GetFromJsonAsync<JsonElement>("/api/layers")).EnumerateArray().Single(l => l.GetProperty("id").GetString() == "smart-devices");
        Assert.Equal("status", layer.GetProperty("style").GetProperty("themeField").GetString());
        Assert.Equal(["online", "offline", "maintenance"], layer.GetProperty("style").GetProperty("legend").EnumerateArray().Select(e => e.GetProperty("value").GetString()));
    }

    [Fact]
    public async Task Demo_devices_are_listed_per_compound_with_the_community_of_their_place()
    {
        using var client = fixture.Factory.CreateClient();
        var devices = (await client.GetFromJsonAsync<JsonElement>(Devices)).EnumerateArray().ToList();
        Assert.Equal(["中交悦湖", "人才公寓", "北鑫苑", "鹿溪河畔"], devices.Select(d => d.GetProperty("compound").GetString()).Distinct().Order(StringComparer.Ordinal));
        Assert.All(devices.Where(d => d.GetProperty("compound").GetString() == "人才公寓"), d => Assert.Equal(Scenes.WorkerCommunity, d.GetProperty("communityCode").GetString()));
        Assert.Contains(devices, d => d.GetProperty("status").GetString() == "offline");
        var offline = (await client.GetFromJsonAsync<JsonElement>($"{Devices}?status=offline")).EnumerateArray();
        Assert.All(offline, d => Assert.Equal("离线", d.GetProperty("statusZh").GetString()));
    }

    [Fact]
    public async Task A_worker_installs_a_device_in_their_community_and_reports_its_status_changes_only()
    {
        var worker = await fixture.Factory.ClientForAsync("worker");
        var created = await worker.PostAsJsonAsync(Devices, new { kind = "camera", name = "人才公寓西门监控（测试）", compound = "人才公寓", lon = 104.0541, lat = 30.4150 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var device = await created.JsonAsync();
        Assert.Equal(Scenes.WorkerCommunity, device.GetProperty("communityCode").GetString());
        Assert.Equal("online", device.GetProperty("status").GetString());
        var id = device.GetProperty("id").GetString();

        var reported = await worker.PostAsJsonAsync($"{Devices}/{id}/status", new { status = "maintenance", note = "镜头更换" });
        Assert.Equal(HttpStatusCode.OK, reported.StatusCode);
        Assert.Equal("维护中", (await reported.JsonAsync()).GetProperty("statusZh").GetString());
        var again = await worker.PostAsJsonAsync($"{Devices}/{id}/status", new { status = "maintenance" });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("status", await again.FieldAsync());

        var history = (await worker.GetFromJsonAsync<JsonElement>($"{Devices}/{id}/history")).EnumerateArray().ToList();
        Assert.Equal(["smart.device_installed", "smart.device_status_reported"], history.Select(e => e.GetProperty("type").GetString()));
        Assert.All(history, e => Assert.Equal("worker", e.GetProperty("user").GetString()));
        Assert.Equal("镜头更换", history[1].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_worker_may_not_install_or_report_outside_their_community()
    {
        var worker = await fixture.Factory.ClientForAsync("worker");
        var elsewhere = await worker.PostAsJsonAsync(Devices, new { kind = "camera", name = "北鑫苑北门监控", compound = "北鑫苑", lon = 104.097, lat = 30.3857 });
        Assert.Equal(HttpStatusCode.Forbidden, elsewhere.StatusCode);
        Assert.Equal("lon", await elsewhere.FieldAsync());

        using var anyone = fixture.Factory.CreateClient();
        var robot = (await anyone.GetFromJsonAsync<JsonElement>($"{Devices}?compound=北鑫苑&kind=service_robot")).EnumerateArray().Single();
        var report = await worker.PostAsJsonAsync($"{Devices}/{robot.GetProperty("id").GetString()}/status", new { status = "online" });
        Assert.Equal(HttpStatusCode.Forbidden, report.StatusCode);
    }

    [Theory]
    [InlineData("""{"kind":"toaster","name":"x","compound":"人才公寓","lon":104.055,"lat":30.415}""", "kind")]
    [InlineData("""{"kind":"camera","compound":"人才公寓","lon":104.055,"lat":30.415}""", "name")]
    [InlineData("""{"kind":"camera","name":"x","lon":104.055,"lat":30.415}""", "compound")]
    [InlineData("""{"kind":"camera","name":"x","compound":"人才公寓","lat":30.415}""", "lon")]
    [InlineData("""{"kind":"camera","name":"x","compound":"人才公寓","lon":204.055,"lat":30.415}""", "lon")]
    [InlineData("""{"kind":"camera","name":"x","compound":"人才公寓","lon":104.055,"lat":30.415,"status":"broken"}""", "status")]
    [InlineData("""{"kind":"camera","name":"x","compound":"人才公寓","lon":104.055,"lat":30.415,"installedOn":"2999-01-01"}""", "installedOn")]
    [InlineData("""{"kind":"camera","name":"x","compoundId":"00000000-0000-0000-0000-000000000001"}""", "compoundId")]
    [InlineData("""{"kind":"camera","name":"x","compound":"人才公寓","lon":"east","lat":30.415}""", "lon")]
    public async Task An_invalid_device_is_refused_as_a_problem_naming_the_field(string body, string field)
    {
        var admin = await fixture.Factory.ClientForAsync("admin");
        var response = await admin.PostAsync(Devices, new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(field, await response.FieldAsync());
    }

    [Fact]
    public async Task Planners_and_anonymous_callers_may_not_write()
    {
        var body = new { kind = "camera", name = "x", compound = "人才公寓", lon = 104.055, lat = 30.415 };
        Assert.Equal(HttpStatusCode.Forbidden, (await (await fixture.Factory.ClientForAsync("planner")).PostAsJsonAsync(Devices, body)).StatusCode);
        using var anonymous = fixture.Factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsJsonAsync(Devices, body)).StatusCode);
    }

    [Fact]
    public async Task A_device_installed_from_the_compound_register_takes_its_name_and_place()
    {
        var admin = await fixture.Factory.ClientForAsync("admin");
        var compound = (await admin.GetFromJsonAsync<JsonElement>("/api/compounds")).EnumerateArray().First(c => c.GetProperty("name").GetString() == "中交悦湖");
        var created = await admin.PostAsJsonAsync(Devices, new { kind = "info_screen", name = "中交悦湖南门信息屏", compoundId = compound.GetProperty("id").GetString() });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var device = await created.JsonAsync();
        Assert.Equal("中交悦湖", device.GetProperty("compound").GetString());
        Assert.Equal(Scenes.WorkerCommunity, device.GetProperty("communityCode").GetString());
    }

    [Fact]
    public async Task The_report_section_counts_the_devices_by_kind_and_status()
    {
        using var client = fixture.Factory.CreateClient();
        var today = DateOnly.FromDateTime(DateTime.Today);
        var devices = (await client.GetFromJsonAsync<JsonElement>(Devices)).EnumerateArray().ToList();
        var data = await fixture.Factory.ReportDataAsync("smart", new ReportPeriod(new DateOnly(today.Year, 1, 1), today, null));
        Assert.Equal(devices.Count, (int)data["total"]!);
        Assert.Equal(devices.Count(d => d.GetProperty("status").GetString() == "online"), (int)data["online"]!);
        var byKind = (IEnumerable<Dictionary<string, object?>>)data["by_kind"]!;
        Assert.Equal(devices.Count(d => d.GetProperty("kind").GetString() == "camera"), (int)byKind.Single(k => (string)k["kind"]! == "camera")["total"]!);

        var community = await fixture.Factory.ReportDataAsync("smart", new ReportPeriod(new DateOnly(today.Year, 1, 1), today, Scenes.WorkerCommunity));
        Assert.Equal(devices.Count(d => d.GetProperty("communityCode").GetString() == Scenes.WorkerCommunity), (int)community["total"]!);
    }
}
