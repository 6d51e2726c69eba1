using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Npgsql;
using Platform.Testing;

namespace Platform.Plugins.Scenes.Tests;

/// <summary>
/// Issue 19 through the real host: per-device access tokens, ThingsBoard's HTTP and MQTT device API (Debian's mosquitto
/// clients as the devices), readings in the partitioned table, projects with their stages.
/// </summary>
[Collection(ScenesCollection.Name)]
public sealed class SmartDeviceApiTests(PlatformFixture fixture)
{
    internal const string Smart = "/api/scenes/smart";

    internal static async Task<(string Id, string Token)> InstallAsync(HttpClient admin, string name, string kind = "temperature_check", string? profileId = null)
    {
        var created = await admin.PostAsJsonAsync($"{Smart}/devices", new { kind, name, compound = "人才公寓", lon = 104.0551, lat = 30.4149, profileId, model = "TC-3", entrance = "南门" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var device = await created.JsonAsync();
        var token = device.GetProperty("accessToken").GetString()!;
        Assert.Equal(20, token.Length);
        return (device.GetProperty("id").GetString()!, token);
    }

    private static StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");

    [Fact]
    public async Task The_access_token_is_answered_once_never_shown_again_and_rotated_by_an_administrator_only()
    {
        var admin = await fixture.Factory.ClientForAsync("admin");
        var (id, token) = await InstallAsync(admin, "令牌测试测温终端");
        using var anyone = fixture.Factory.CreateClient();
        var shown = await anyone.GetStringAsync($"{Smart}/devices/{id}");
        Assert.DoesNotContain(token, shown, StringComparison.Ordinal);
        Assert.DoesNotContain("accessToken", shown, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(token, await admin.GetStringAsync($"{Smart}/devices/{id}/history"), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await anyone.PostAsync($"/api/v1/{token}/telemetry", Json("""{"temperature":36.5}"""))).StatusCode);
        var worker = await fixture.Factory.ClientForAsync("worker");
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.PostAsync($"{Smart}/devices/{id}/token", null)).StatusCode);
        var rotated = await admin.PostAsync($"{Smart}/devices/{id}/token", null);
        Assert.Equal(HttpStatusCode.OK, rotated.StatusCode);
        var fresh = (await rotated.JsonAsync()).GetProperty("accessToken").GetString()!;
        Assert.NotEqual(token, fresh);

        var old = await anyone.PostAsync($"/api/v1/{token}/telemetry", Json("""{"temperature":36.5}"""));
        Assert.Equal(HttpStatusCode.Unauthorized, old.StatusCode);
        Assert.Equal("accessToken", await old.FieldAsync());
        Assert.Equal(HttpStatusCode.OK, (await anyone.PostAsync($"/api/v1/{fresh}/telemetry", Json("""{"temperature":36.6}"""))).StatusCode);
    }

    [Fact]
    public async Task Http_telemetry_in_the_three_thingsboard_shapes_is_stored_as_rows_and_kept_as_last_values()
    {
        var admin = await fixture.Factory.ClientForAsync("admin");
        var (id, token) = await InstallAsync(admin, "HTTP 遥测测温终端");
        using var device = fixture.Factory.CreateClient();
        var t1 = DateTimeOffset.UtcNow.AddMinutes(-10).ToUnixTimeMilliseconds();
        var t2 = t1 + 60_000;
        Assert.Equal(HttpStatusCode.OK, (await device.PostAsync($"/api/v1/{token}/telemetry", Json("""{"temperature":36.4,"door":"closed","ok":true}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await device.PostAsync($"/api/v1/{token}/telemetry", Json($$$"""{"ts":{{{t1}}},"values":{"humidity":55}}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await device.PostAsync($"/api/v1/{token}/telemetry", Json($$$"""[{"ts":{{{t1}}},"values":{"pressure":1001.5}},{"ts":{{{t2}}},"values":{"pressure":1002.5}}]"""))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await device.PostAsync($"/api/v1/{token}/attributes", Json("""{"firmware":"1.0.3"}"""))).StatusCode);

        var latest = await admin.GetFromJsonAsync<JsonElement>($"{Smart}/devices/{id}/latest");
        var values = latest.GetProperty("telemetry").EnumerateArray().ToDictionary(r => r.GetProperty("key").GetString()!);
        Assert.Equal(36.4, values["temperature"].GetProperty("number").GetDouble());
        Assert.Equal("closed", values["door"].GetProperty("text").GetString());
        Assert.Equal("true", values["ok"].GetProperty("text").GetString());
        Assert.Equal(1002.5, values["pressure"].GetProperty("number").GetDouble());
        Assert.Equal(t1, values["humidity"].GetProperty("ts").GetDateTimeOffset().ToUnixTimeMilliseconds());
        Assert.Equal("1.0.3", latest.GetProperty("attributes").EnumerateArray().Single(a => a.GetProperty("key").GetString() == "firmware").GetProperty("text").GetString());

        // Every data point is a row of the partitioned table, in the partition of its UTC day (read with plain SQL, not the platform's code).
        await WaitForRowsAsync(Guid.Parse(id), 6);
        await using var conn = new NpgsqlConnection(fixture.Factory.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT tableoid::regclass::text, key, num FROM smart_telemetry WHERE device_id = $1 AND key = 'pressure' ORDER BY ts", conn);
        cmd.Parameters.Add(new NpgsqlParameter { Value = Guid.Parse(id) });
        await using var reader = await cmd.ExecuteReaderAsync();
        var rows = new List<(string Partition, double Value)>();
        while (await reader.ReadAsync())
            rows.Add((reader.GetString(0), reader.GetDouble(2)));
        Assert.Equal([1001.5, 1002.5], rows.Select(r => r.Value));
        Assert.EndsWith("smart_telemetry_p" + DateTimeOffset.FromUnixTimeMilliseconds(t1).UtcDateTime.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture), rows[0].Partition);

        var history = await admin.GetFromJsonAsync<JsonElement>($"{Smart}/devices/{id}/telemetry?key=pressure&from={Uri.EscapeDataString(DateTimeOffset.FromUnixTimeMilliseconds(t1 - 1000).ToString("O"))}");
        Assert.Equal([1001.5, 1002.5], history.EnumerateArray().Select(r => r.GetProperty("number").GetDouble()));
    }

    [Fact]
    public async Task The_table_is_partitioned_by_day_over_the_retention_period()
    {
        await using var conn = new NpgsqlConnection(fixture.Factory.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("""
            SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
            WHERE p.relname = 'smart_telemetry' ORDER BY c.relname
            """, conn);
        var names = new List<string>();
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                names.Add(reader.GetString(0));
        var today = DateTime.UtcNow.Date;
        // Retention 30 days (the default): from 30 days ago to two days ahead, one partition a day.
        Assert.Equal(Enumerable.Range(-30, 33).Select(d => "smart_telemetry_p" + today.AddDays(d).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture)), names);
    }

    [Theory]
    [InlineData("not json", "payload")]
    [InlineData("{}", "payload")]
    [InlineData("[1,2]", "payload")]
    [InlineData("""{"ts":"yesterday","values":{"t":1}}""", "ts")]
    [InlineData("""{"ts":99999999999999,"values":{"t":1}}""", "ts")]
    [InlineData("""{"ts":1000,"values":{"t":1}}""", "ts")]
    [InlineData("""{"t":null}""", "t")]
    public async Task Bad_payloads_and_readings_far_in_the_future_or_past_are_refused_and_counted(string body, string field)
    {
        var admin = await fixture.Factory.ClientForAsync("admin");
        var (id, token) = await InstallAsync(admin, $"坏数据测温终端 {Guid.NewGuid():N}");
        var before = await admin.GetFromJsonAsync<JsonElement>($"{Smart}/telemetry/stats");
        using var device = fixture.Factory.CreateClient();
        var response = await device.PostAsync($"/api/v1/{token}/telemetry", Json(body));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(field, await response.FieldAsync());
        var after = await admin.GetFromJsonAsync<JsonElement>($"{Smart}/telemetry/stats");
        Assert.Equal(Refused(before) + 1, Refused(after));
        Assert.Empty((await admin.GetFromJsonAsync<JsonElement>($"{Smart}/devices/{id}/latest")).GetProperty("telemetry").EnumerateArray());
    }

    [Fact]
    public async Task No_face_image_is_stored_and_a_persons_id_is_kept_as_a_pseudonym_only()
    {
        var admin = await fixture.Factory.ClientForAsync("admin");
        var (id, token) = await InstallAsync(admin, "隐私测试人脸识别门禁", kind: "face_gate");
        using var gate = fixture.Factory.CreateClient();
        var picture = Convert.ToBase64String(new byte[3000]);
        var refused = await gate.PostAsync($"/api/v1/{token}/telemetry", Json($$"""{"faceImage":"{{picture}}","result":"granted"}"""));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal("faceImage", await refused.FieldAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await gate.PostAsync($"/api/v1/{token}/telemetry", Json("""{"snap":"data:image/jpeg;base64,/9j/4AAQ"}"""))).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await gate.PostAsync($"/api/v1/{token}/telemetry", Json("""{"personId":"510100199001011234","result":"granted"}"""))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await gate.PostAsync($"/api/v1/{token}/telemetry", Json("""{"personId":"510100199001011234","result":"granted"}"""))).StatusCode);
        await WaitForRowsAsync(Guid.Parse(id), 4);
        await using var conn = new NpgsqlConnection(fixture.Factory.ConnectionString);
        await conn.OpenAsync();
        await using var cmd = new NpgsqlCommand("SELECT string_agg(coalesce(txt, ''), ' ') FROM smart_telemetry WHERE device_id = $1", conn);
        cmd.Parameters.Add(new NpgsqlParameter { Value = Guid.Parse(id) });
        var stored = (string)(await cmd.ExecuteScalarAsync())!;
        Assert.DoesNotContain("510100199001011234", stored);
        Assert.DoesNotContain(picture[..100], stored);
        var pseudonyms = System.Text.RegularExpressions.Regex.Matches(stored, "p-[0-9a-f]{16}").Select(m => m.Value).ToList();
        Assert.Equal(2, pseudonyms.Count);
        Assert.Single(pseudonyms.Distinct());
    }

    private static long Refused(JsonElement stats) => stats.GetProperty("refused").EnumerateObject().Sum(p => p.Value.GetInt64());

    [Fact]
    public async Task Mosquitto_pub_with_the_token_as_user_name_is_stored_and_wrong_credentials_are_refused_by_the_broker()
    {
        var admin = await fixture.Factory.ClientForAsync("admin");
        var (id, token) = await InstallAsync(admin, "MQTT 测温终端");
        var port = fixture.Factory.MqttPort;
        var ok = await Mosquitto.PublishAsync(port, token, "v1/devices/me/telemetry", """{"temperature":36.7}""");
        Assert.True(ok.ExitCode == 0, ok.Error);
        var ts = DateTimeOffset.UtcNow.AddSeconds(-5).ToUnixTimeMilliseconds();
        Assert.Equal(0, (await Mosquitto.PublishAsync(port, token, "v1/devices/me/telemetry", $$$"""{"ts":{{{ts}}},"values":{"humidity":41}}""", "mqttv5")).ExitCode);

        // MQTT 3.1.1: CONNACK 4 (bad user name or password); MQTT 5: reason code 0x86; no user name at all: not authorised.
        var wrong = await Mosquitto.PublishAsync(port, "NotAToken0000000000", "v1/devices/me/telemetry", """{"temperature":36.7}""");
        Assert.NotEqual(0, wrong.ExitCode);
        Assert.Contains("bad user name or password", wrong.Error, StringComparison.OrdinalIgnoreCase);
        var wrong5 = await Mosquitto.PublishAsync(port, "NotAToken0000000000", "v1/devices/me/telemetry", """{"temperature":36.7}""", "mqttv5");
        Assert.NotEqual(0, wrong5.ExitCode);
        Assert.Contains("bad user name or password", wrong5.Error, StringComparison.OrdinalIgnoreCase);
        var none = await Mosquitto.PublishAsync(port, null, "v1/devices/me/telemetry", """{"temperature":36.7}""");
        Assert.NotEqual(0, none.ExitCode);
        Assert.Contains("not authori", none.Error, StringComparison.OrdinalIgnoreCase);

        // A bad payload over MQTT is refused and counted; the broker keeps serving the device.
        Assert.Equal(0, (await Mosquitto.PublishAsync(port, token, "v1/devices/me/telemetry", "{broken")).ExitCode);
        Assert.Equal(0, (await Mosquitto.PublishAsync(port, token, "v1/devices/me/telemetry", """{"pressure":1000}""")).ExitCode);

        var latest = await WaitAsync(admin, $"{Smart}/devices/{id}/latest", l => l.GetProperty("telemetry").GetArrayLength() == 3);
        var values = latest.GetProperty("telemetry").EnumerateArray().ToDictionary(r => r.GetProperty("key").GetString()!, r => r.GetProperty("number").GetDouble());
        Assert.Equal(new Dictionary<string, double> { ["humidity"] = 41, ["pressure"] = 1000, ["temperature"] = 36.7 }, values);
        var stats = await admin.GetFromJsonAsync<JsonElement>($"{Smart}/telemetry/stats");
        Assert.True(stats.GetProperty("brokerRunning").GetBoolean());
        Assert.True(stats.GetProperty("refusedConnections").GetInt64() >= 3);
        Assert.True(stats.GetProperty("refused").GetProperty("bad_payload").GetInt64() >= 1);
    }

    [Fact]
    public async Task A_project_moves_through_its_stages_in_order_and_owns_its_devices()
    {
        var worker = await fixture.Factory.ClientForAsync("worker");
        var started = await worker.PostAsJsonAsync($"{Smart}/projects", new { compound = "人才公寓", contractor = "测试科技公司", startedOn = "2026-03-01" });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var id = (await started.JsonAsync()).GetProperty("id").GetString();
        var skip = await worker.PostAsJsonAsync($"{Smart}/projects/{id}/stage", new { stage = "install", on = "2026-04-01" });
        Assert.Equal(HttpStatusCode.Conflict, skip.StatusCode);
        Assert.Equal("stage", await skip.FieldAsync());
        Assert.Equal(HttpStatusCode.OK, (await worker.PostAsJsonAsync($"{Smart}/projects/{id}/stage", new { stage = "procure", on = "2026-04-01" })).StatusCode);
        var early = await worker.PostAsJsonAsync($"{Smart}/projects/{id}/stage", new { stage = "install", on = "2026-03-15" });
        Assert.Equal(HttpStatusCode.BadRequest, early.StatusCode);
        Assert.Equal("on", await early.FieldAsync());

        var device = await worker.PostAsJsonAsync($"{Smart}/devices", new { kind = "camera", name = "项目测试监控", projectId = id, building = "2栋" });
        Assert.Equal(HttpStatusCode.Created, device.StatusCode);
        Assert.Equal("人才公寓", (await device.JsonAsync()).GetProperty("compound").GetString());
        var wrongCompound = await worker.PostAsJsonAsync($"{Smart}/devices", new { kind = "camera", name = "x", projectId = id, compound = "中交悦湖", lon = 104.084, lat = 30.413 });
        Assert.Equal("projectId", await wrongCompound.FieldAsync());

        using var anyone = fixture.Factory.CreateClient();
        var project = (await anyone.GetFromJsonAsync<JsonElement>($"{Smart}/projects")).EnumerateArray().Single(p => p.GetProperty("id").GetString() == id);
        Assert.Equal("采购", project.GetProperty("stageZh").GetString());
        Assert.Equal(1, project.GetProperty("devices").GetInt32());
        Assert.Equal(["方案", "采购", "安装", "调试", "运行"], project.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("nameZh").GetString()));
        Assert.Equal("2026-04-01", project.GetProperty("stages")[1].GetProperty("on").GetString());

        var pilot = (await anyone.GetFromJsonAsync<JsonElement>($"{Smart}/projects")).EnumerateArray().Single(p => p.GetProperty("compound").GetString() == "鹿溪河畔");
        Assert.Equal("commission", pilot.GetProperty("stage").GetString());
        Assert.True(pilot.GetProperty("devicesByKind").GetProperty("camera").GetInt32() >= 1);
        Assert.True(pilot.GetProperty("devicesByKind").GetProperty("barrier_gate").GetInt32() >= 1);
    }

    internal static async Task<JsonElement> WaitAsync(HttpClient client, string url, Func<JsonElement, bool> done, int seconds = 20)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        JsonElement last;
        do
        {
            last = await client.GetFromJsonAsync<JsonElement>(url);
            if (done(last))
                return last;
            await Task.Delay(100);
        }
        while (DateTime.UtcNow < until);
        Assert.Fail($"{url} did not reach the expected state within {seconds} s: {last}");
        return last;
    }

    private async Task WaitForRowsAsync(Guid device, int rows)
    {
        await using var conn = new NpgsqlConnection(fixture.Factory.ConnectionString);
        await conn.OpenAsync();
        for (var i = 0; i < 100; i++)
        {
            await using var cmd = new NpgsqlCommand("SELECT count(*) FROM smart_telemetry WHERE device_id = $1", conn);
            cmd.Parameters.Add(new NpgsqlParameter { Value = device });
            if ((long)(await cmd.ExecuteScalarAsync())! >= rows)
                return;
            await Task.Delay(100);
        }
    }
}
