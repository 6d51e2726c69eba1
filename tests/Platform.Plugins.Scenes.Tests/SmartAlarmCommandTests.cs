using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;
using static Platform.Plugins.Scenes.Tests.SmartDeviceApiTests;

namespace Platform.Plugins.Scenes.Tests;

/// <summary>
/// Issue 19, the checks it names: a duration rule fires once after its duration (not before) and clears when the value
/// returns; a silent device goes offline and comes back with its next reading; a gate command sent while the device is
/// offline is delivered when it subscribes, or expires at its TTL; alarms and incidents are handled, each step attributed.
/// Devices are Debian's mosquitto_pub / mosquitto_sub.
/// </summary>
[Collection(ScenesCollection.Name)]
public sealed class SmartAlarmCommandTests(PlatformFixture fixture)
{
    private async Task<string> ProfileAsync(HttpClient admin, int offlineAfter, object rule)
    {
        var created = await admin.PostAsJsonAsync($"{Smart}/profiles", new { name = $"测试配置 {Guid.NewGuid():N}"[..12], offlineAfterSeconds = offlineAfter, rules = new[] { rule } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.JsonAsync()).GetProperty("id").GetString()!;
    }

    private static object Fever(int seconds) => new
    {
        id = "fever", name = "体温异常", kind = "threshold", key = "temperature", @operator = "gt", threshold = 37.3, durationSeconds = seconds, repeatCount = 0, severity = "major",
    };

    private Task Publish(string token, string json) => PublishOk(fixture.Factory.MqttPort, token, json);

    private static async Task PublishOk(int port, string token, string json)
    {
        var run = await Mosquitto.PublishAsync(port, token, "v1/devices/me/telemetry", json);
        Assert.True(run.ExitCode == 0, run.Error);
    }

    [Fact]
    public async Task A_duration_rule_fires_once_after_its_duration_not_before_and_clears_when_the_value_returns()
    {
        var admin = await fixture.Factory.ClientForAsync("admin");
        var profile = await ProfileAsync(admin, 300, Fever(3));
        var (id, token) = await InstallAsync(admin, "持续时间规则测温终端", profileId: profile);
        var alarms = $"{Smart}/alarms?deviceId={id}";

        var first = DateTimeOffset.UtcNow;
        await Publish(token, """{"temperature":38.1}""");
        // Right after the first reading above the threshold: no alarm (the condition has not held for 3 s).
        var early = (await admin.GetFromJsonAsync<JsonElement>(alarms)).GetArrayLength();
        if (DateTimeOffset.UtcNow - first < TimeSpan.FromSeconds(3))
            Assert.Equal(0, early);
        for (var i = 0; i < 5; i++)
        {
            await Task.Delay(1000);
            await Publish(token, """{"temperature":38.4}""");
        }
        var raised = (await WaitAsync(admin, alarms, a => a.GetArrayLength() > 0)).EnumerateArray().ToList();
        var alarm = Assert.Single(raised);
        Assert.Equal("active_unack", alarm.GetProperty("status").GetString());
        Assert.Equal("重要", alarm.GetProperty("severityZh").GetString());
        Assert.True(alarm.GetProperty("raisedAt").GetDateTimeOffset() >= first.AddSeconds(3), $"raised at {alarm.GetProperty("raisedAt")}, first reading {first:O}");
        // Still above: still the one alarm (de-duplicated per device and rule).
        await Publish(token, """{"temperature":38.9}""");
        Assert.Single((await admin.GetFromJsonAsync<JsonElement>(alarms)).EnumerateArray());

        await Publish(token, """{"temperature":36.6}""");
        var cleared = await WaitAsync(admin, alarms, a => a.EnumerateArray().All(x => x.GetProperty("status").GetString() == "cleared_unack"));
        Assert.Equal("rule", Assert.Single(cleared.EnumerateArray()).GetProperty("clearedBy").GetString());

        // Back above: a new alarm, after the duration again.
        await Publish(token, """{"temperature":38.0}""");
        await Task.Delay(3500);
        await Publish(token, """{"temperature":38.0}""");
        var again = await WaitAsync(admin, alarms, a => a.GetArrayLength() == 2);
        Assert.Single(again.EnumerateArray(), a => a.GetProperty("status").GetString() == "active_unack");
    }

    [Fact]
    public async Task A_device_that_stops_publishing_goes_offline_after_its_timeout_and_online_with_its_next_reading()
    {
        var admin = await fixture.Factory.ClientForAsync("admin");
        var profile = await ProfileAsync(admin, 2, Fever(0));
        var (id, token) = await InstallAsync(admin, "心跳测试测温终端", profileId: profile);
        await Publish(token, """{"temperature":36.5}""");
        var offline = await WaitAsync(admin, $"{Smart}/devices/{id}", d => d.GetProperty("status").GetString() == "offline");
        Assert.Equal("离线", offline.GetProperty("statusZh").GetString());
        await Publish(token, """{"temperature":36.4}""");
        await WaitAsync(admin, $"{Smart}/devices/{id}", d => d.GetProperty("status").GetString() == "online");
        var history = (await admin.GetFromJsonAsync<JsonElement>($"{Smart}/devices/{id}/history")).EnumerateArray().ToList();
        Assert.Equal(["smart.device_installed", "smart.device_status_reported", "smart.device_status_reported"], history.Select(e => e.GetProperty("type").GetString()).Take(3));
        Assert.Contains("心跳超时", history[1].GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_gate_command_sent_while_the_device_is_offline_is_delivered_when_it_subscribes_and_answered()
    {
        var admin = await fixture.Factory.ClientForAsync("admin");
        var (id, token) = await InstallAsync(admin, "指令测试道闸", kind: "barrier_gate");
        var sent = await admin.PostAsJsonAsync($"{Smart}/devices/{id}/commands", new { method = "openGate", @params = new { seconds = 10 }, ttlSeconds = 120 });
        Assert.Equal(HttpStatusCode.Created, sent.StatusCode);
        var command = $"{Smart}/commands/{(await sent.JsonAsync()).GetProperty("id").GetString()}";
        await Task.Delay(1500);
        Assert.Equal("queued", (await admin.GetFromJsonAsync<JsonElement>(command)).GetProperty("state").GetString());

        using var sub = Mosquitto.Subscribe(fixture.Factory.MqttPort, token, "v1/devices/me/rpc/request/+", 1);
        var line = await sub.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.NotNull(line);
        var (topic, payload) = (line![..line.IndexOf(' ')], line[(line.IndexOf(' ') + 1)..]);
        var request = JsonDocument.Parse(payload).RootElement;
        Assert.Equal("openGate", request.GetProperty("method").GetString());
        Assert.Equal(10, request.GetProperty("params").GetProperty("seconds").GetInt32());
        var requestId = topic["v1/devices/me/rpc/request/".Length..];
        Assert.Equal((await admin.GetFromJsonAsync<JsonElement>(command)).GetProperty("requestId").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), requestId);
        await sub.WaitForExitAsync();

        var answer = await Mosquitto.PublishAsync(fixture.Factory.MqttPort, token, $"v1/devices/me/rpc/response/{requestId}", """{"opened":true}""");
        Assert.True(answer.ExitCode == 0, answer.Error);
        var done = await WaitAsync(admin, command, c => c.GetProperty("state").GetString() == "successful");
        Assert.Equal("""{"opened":true}""", done.GetProperty("response").GetString());
        Assert.Equal(1, done.GetProperty("attempts").GetInt32());
        Assert.Equal("admin", done.GetProperty("queuedBy").GetString());
    }

    [Fact]
    public async Task A_command_to_a_device_that_stays_offline_expires_at_its_ttl_and_a_retired_device_takes_none()
    {
        var admin = await fixture.Factory.ClientForAsync("admin");
        var (id, token) = await InstallAsync(admin, "过期指令测试道闸", kind: "barrier_gate");
        var sent = await admin.PostAsJsonAsync($"{Smart}/devices/{id}/commands", new { method = "openGate", ttlSeconds = 2 });
        var command = $"{Smart}/commands/{(await sent.JsonAsync()).GetProperty("id").GetString()}";
        var expired = await WaitAsync(admin, command, c => c.GetProperty("state").GetString() == "expired");
        Assert.True(expired.GetProperty("closedAt").GetDateTimeOffset() >= expired.GetProperty("expiresAt").GetDateTimeOffset());
        Assert.Equal(0, expired.GetProperty("attempts").GetInt32());

        // Subscribing afterwards brings nothing: the expired command is not sent.
        using var sub = Mosquitto.Subscribe(fixture.Factory.MqttPort, token, "v1/devices/me/rpc/request/+", 1);
        await Task.Delay(2000);
        Assert.False(sub.HasExited);
        sub.Kill();
        Assert.Equal("expired", (await admin.GetFromJsonAsync<JsonElement>(command)).GetProperty("state").GetString());

        var bad = await admin.PostAsJsonAsync($"{Smart}/devices/{id}/commands", new { method = "open gate!" });
        Assert.Equal("method", await bad.FieldAsync());
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"{Smart}/devices/{id}/retire", new { note = "拆除" })).StatusCode);
        var retired = await admin.PostAsJsonAsync($"{Smart}/devices/{id}/commands", new { method = "openGate" });
        Assert.Equal(HttpStatusCode.Conflict, retired.StatusCode);
        // Its token stops working on both transports.
        Assert.NotEqual(0, (await Mosquitto.PublishAsync(fixture.Factory.MqttPort, token, "v1/devices/me/telemetry", """{"x":1}""")).ExitCode);
        using var anyone = fixture.Factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anyone.PostAsJsonAsync($"/api/v1/{token}/telemetry", new { x = 1 })).StatusCode);
    }

    [Fact]
    public async Task Staff_acknowledge_assign_comment_and_clear_an_alarm_each_step_attributed_and_raise_an_incident_from_it()
    {
        var admin = await fixture.Factory.ClientForAsync("admin");
        var worker = await fixture.Factory.ClientForAsync("worker");
        var profile = await ProfileAsync(admin, 300, Fever(0));
        var (id, token) = await InstallAsync(admin, "告警处置测温终端", profileId: profile);
        await Publish(token, """{"temperature":39.0}""");
        var alarm = (await WaitAsync(admin, $"{Smart}/alarms?deviceId={id}&status=active", a => a.GetArrayLength() == 1))[0];
        var url = $"{Smart}/alarms/{alarm.GetProperty("id").GetString()}";
        Assert.Equal(39.0, alarm.GetProperty("value").GetDouble());

        Assert.Equal(HttpStatusCode.OK, (await worker.PostAsync($"{url}/ack", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await worker.PostAsync($"{url}/ack", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync($"{url}/assign", new { assignee = "worker" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await worker.PostAsJsonAsync($"{url}/comments", new { text = "已电话联系物业复测" })).StatusCode);
        Assert.Equal("text", await (await worker.PostAsJsonAsync($"{url}/comments", new { text = " " })).FieldAsync());

        var incident = await worker.PostAsJsonAsync($"{Smart}/incidents", new { alarmId = alarm.GetProperty("id").GetString() });
        Assert.Equal(HttpStatusCode.Created, incident.StatusCode);
        var incidentUrl = $"{Smart}/incidents/{(await incident.JsonAsync()).GetProperty("id").GetString()}";
        Assert.Equal(HttpStatusCode.Conflict, (await worker.PostAsJsonAsync($"{incidentUrl}/status", new { status = "on_scene" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await worker.PostAsJsonAsync($"{incidentUrl}/dispatch", new { responder = "人才公寓物业安保", note = "复测体温" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await worker.PostAsJsonAsync($"{incidentUrl}/status", new { status = "on_scene" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await worker.PostAsJsonAsync($"{incidentUrl}/status", new { status = "closed", note = "复测正常" })).StatusCode);
        Assert.Equal("status", await (await worker.PostAsJsonAsync($"{incidentUrl}/status", new { status = "resolved" })).FieldAsync());
        var board = await admin.GetFromJsonAsync<JsonElement>(incidentUrl);
        Assert.Equal("device_alarm", board.GetProperty("kind").GetString());
        Assert.Equal("已办结", board.GetProperty("statusZh").GetString());
        Assert.Equal(["reported", "dispatched", "on_scene", "closed"], board.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("status").GetString()));
        Assert.All(board.GetProperty("steps").EnumerateArray(), s => Assert.Equal("worker", s.GetProperty("user").GetString()));

        Assert.Equal(HttpStatusCode.OK, (await worker.PostAsync($"{url}/clear", null)).StatusCode);
        var handled = await admin.GetFromJsonAsync<JsonElement>(url);
        Assert.Equal("cleared_ack", handled.GetProperty("status").GetString());
        Assert.Equal("worker", handled.GetProperty("acknowledgedBy").GetString());
        Assert.Equal("worker", handled.GetProperty("clearedBy").GetString());
        Assert.Equal("worker", handled.GetProperty("assignee").GetString());
        Assert.Equal("worker", Assert.Single(handled.GetProperty("comments").EnumerateArray()).GetProperty("user").GetString());

        // Cleared by staff while still above: the rule raises a new alarm on the next reading.
        await Publish(token, """{"temperature":39.2}""");
        await WaitAsync(admin, $"{Smart}/alarms?deviceId={id}&status=active", a => a.GetArrayLength() == 1);
        using var anyone = fixture.Factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anyone.GetAsync($"{Smart}/alarms")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anyone.GetAsync($"{Smart}/incidents")).StatusCode);
    }

    [Theory]
    [InlineData("""{"name":"x","rules":[{"id":"a","name":"b","kind":"threshold","key":"t","operator":"above","threshold":1,"severity":"major"}]}""", "rules[0].operator")]
    [InlineData("""{"name":"x","rules":[{"id":"a","name":"b","kind":"threshold","key":"t","operator":"gt","severity":"major"}]}""", "rules[0].threshold")]
    [InlineData("""{"name":"x","rules":[{"id":"a","name":"b","kind":"threshold","key":"t","operator":"gt","threshold":1,"severity":"loud"}]}""", "rules[0].severity")]
    [InlineData("""{"name":"x","rules":[{"id":"a","name":"b","kind":"inactivity","severity":"minor"}]}""", "rules[0].durationSeconds")]
    [InlineData("""{"name":"x","offlineAfterSeconds":0}""", "offlineAfterSeconds")]
    [InlineData("""{"rules":[]}""", "name")]
    public async Task An_invalid_profile_is_refused_naming_the_field(string body, string field)
    {
        var admin = await fixture.Factory.ClientForAsync("admin");
        var response = await admin.PostAsync($"{Smart}/profiles", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, await response.FieldAsync());
    }

    [Fact]
    public async Task The_live_feed_pushes_a_device_change_after_a_published_reading()
    {
        var admin = await fixture.Factory.ClientForAsync("admin");
        var profile = await ProfileAsync(admin, 300, Fever(0));
        var (id, token) = await InstallAsync(admin, "实时推送测温终端", profileId: profile);
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{Smart}/live");
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await admin.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        Assert.Equal("event: snapshot", await reader.ReadLineAsync());
        var snapshot = JsonDocument.Parse((await reader.ReadLineAsync())!["data: ".Length..]).RootElement;
        Assert.Contains(snapshot.GetProperty("devices").EnumerateArray(), d => d.GetProperty("id").GetString() == id);

        await Publish(token, """{"temperature":39.5}""");
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        while (true)
        {
            var line = await reader.ReadLineAsync(cts.Token);
            if (line?.StartsWith("data: ", StringComparison.Ordinal) != true)
                continue;
            var data = JsonDocument.Parse(line["data: ".Length..]).RootElement;
            if (data.TryGetProperty("id", out var d) && d.GetString() == id && data.GetProperty("alarmSeverity").GetString() == "major")
            {
                Assert.Equal("#e65100", data.GetProperty("color").GetString());
                Assert.Equal(39.5, data.GetProperty("values").GetProperty("temperature").GetDouble());
                break;
            }
        }
        // Without the event-stream header: the snapshot once, as JSON.
        var plain = await admin.GetFromJsonAsync<JsonElement>($"{Smart}/live");
        Assert.Contains(plain.GetProperty("alarms").EnumerateArray(), a => a.GetProperty("deviceId").GetString() == id);
    }
}
