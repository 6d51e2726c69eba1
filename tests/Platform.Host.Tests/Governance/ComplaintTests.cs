using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Host.Tests.Security;
using Platform.Testing;

namespace Platform.Host.Tests.Governance;

[Collection("governance")]
public sealed class ComplaintTests(GovernanceFixture fixture)
{
    // 保水逸苑's outline in the demo: 104.097 ± 0.0011, 30.412 ± 0.0008.
    private static readonly double[] InBaoshui = [104.0968, 30.4123];

    [Fact]
    public async Task BadInput_IsRefusedNamingTheField_AndNothingIsWritten()
    {
        var resident = await fixture.Factory.ClientForAsync("resident");
        var admin = await fixture.Factory.ClientForAsync("admin");
        var before = (await admin.GetFromJsonAsync<JsonElement>("/api/governance/complaints")).GetArrayLength();

        await (await resident.PostAsJsonAsync("/api/governance/complaints", new { category = "no_such", description = "x", location = InBaoshui }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "category");
        // Far outside Xinglong Street (central Chengdu).
        var outside = await resident.PostAsJsonAsync("/api/governance/complaints", new { category = "parking", description = "乱停车", location = new[] { 104.0657, 30.6595 } });
        Assert.True(outside.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Conflict, outside.StatusCode.ToString());
        Assert.Equal("location", (await outside.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
        await (await resident.PostAsJsonAsync("/api/governance/complaints", new { category = "leaking", description = "漏水", location = InBaoshui, answers = new { floor = "三楼", part = "roof" } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "attribute[floor]");
        Assert.Equal(before, (await admin.GetFromJsonAsync<JsonElement>("/api/governance/complaints")).GetArrayLength());

        var id = await FileAsync(resident, "parking", "消防通道被占用");
        var notImage = new MultipartFormDataContent { { new ByteArrayContent("%PDF-1.4 not an image"u8.ToArray()) { Headers = { ContentType = new MediaTypeHeaderValue("image/jpeg") } }, "photo", "a.jpg" } };
        await (await resident.PostAsync($"/api/governance/complaints/{id}/photos", notImage)).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "photo");
        await (await admin.PostAsJsonAsync($"/api/governance/complaints/{id}/status", new { status = "responded", note = "跳过受理" }))
            .ShouldBeProblemAsync(HttpStatusCode.Conflict, "status");
        var complaint = await admin.GetFromJsonAsync<JsonElement>($"/api/governance/complaints/{id}");
        Assert.Equal("submitted", complaint.GetProperty("status").GetString());
        Assert.Equal(0, complaint.GetProperty("photos").GetArrayLength());

        // Rectification after the inspection was closed (every finding verified, as in the demo).
        var inspection = (await admin.GetFromJsonAsync<JsonElement>("/api/governance/inspections?kind=routine")).EnumerateArray()
            .First(i => i.GetProperty("findings").GetArrayLength() > 0 && i.GetProperty("closed").GetBoolean());
        var finding = inspection.GetProperty("findings")[0];
        await (await admin.PostAsJsonAsync($"/api/governance/inspections/{inspection.GetProperty("id").GetGuid()}/findings/{finding.GetProperty("id").GetGuid()}/rectify",
            new { rectifiedOn = "2026-12-01", proof = "再次整改" })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "findingId");
        var again = (await admin.GetFromJsonAsync<JsonElement>("/api/governance/inspections?kind=routine")).EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == inspection.GetProperty("id").GetGuid());
        Assert.Equal(finding.GetProperty("rectifiedOn").GetString(), again.GetProperty("findings")[0].GetProperty("rectifiedOn").GetString());
    }

    [Fact]
    public async Task Photos_LoseTheirGpsPosition_AsExiftoolReadsThem()
    {
        var original = Path.Combine(AppContext.BaseDirectory, "Governance", "Data", "plain.jpg");
        var tagged = Path.Combine(Path.GetTempPath(), $"gps-{Guid.NewGuid():N}.jpg");
        Run("exiftool", $"-q -GPSLatitude=30.4123 -GPSLatitudeRef=N -GPSLongitude=104.0968 -GPSLongitudeRef=E -Make=TestCam -o {tagged} {original}");
        Assert.Contains("GPSLatitude", Run("exiftool", $"-j -GPS:all {tagged}"));

        var resident = await fixture.Factory.ClientForAsync("resident");
        var id = await FileAsync(resident, "sanitation", "垃圾桶满溢");
        var upload = new MultipartFormDataContent { { new ByteArrayContent(await File.ReadAllBytesAsync(tagged)) { Headers = { ContentType = new MediaTypeHeaderValue("image/jpeg") } }, "photo", "p.jpg" } };
        (await resident.PostAsync($"/api/governance/complaints/{id}/photos", upload)).EnsureSuccessStatusCode();
        var anonymous = fixture.Factory.CreateClient();
        var photoUrl = (await anonymous.GetFromJsonAsync<JsonElement>($"/api/governance/complaints/{id}")).GetProperty("photos")[0].GetString()!;
        var served = Path.Combine(Path.GetTempPath(), $"served-{Guid.NewGuid():N}.jpg");
        await File.WriteAllBytesAsync(served, await anonymous.GetByteArrayAsync(photoUrl));
        var tags = Run("exiftool", $"-j -a -G1 {served}");
        Assert.DoesNotContain("GPS", tags);
        Assert.DoesNotContain("TestCam", tags);
        Assert.Contains("\"File:ImageWidth\"", tags);
    }

    [Fact]
    public async Task ResidentFilesWorkerRespondsResidentConfirms_AndAnonymousAnswersCarryNoReporter()
    {
        var resident = await fixture.Factory.ClientForAsync("resident");
        var admin = await fixture.Factory.ClientForAsync("admin");
        var similar = await fixture.Factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/governance/complaints/similar?lon={InBaoshui[0]}&lat={InBaoshui[1]}&radius=300");
        var id = await FileAsync(resident, "noise_commercial_use", "楼下棋牌室深夜噪音", new { time_of_day = "night" }, "赵六", "13700001111");
        var mine = await resident.GetFromJsonAsync<JsonElement>("/api/governance/complaints/mine");
        var filed = mine.EnumerateArray().Single(c => c.GetProperty("id").GetString() == id);
        Assert.Equal("保水逸苑", filed.GetProperty("compound").GetString());
        Assert.Equal("13700001111", filed.GetProperty("reporterPhone").GetString());
        foreach (var (status, note) in new[] { ("accepted", (string?)null), ("in_progress", null), ("responded", "已约谈经营者，22时后停止营业") })
            (await admin.PostAsJsonAsync($"/api/governance/complaints/{id}/status", new { status, note })).EnsureSuccessStatusCode();
        (await resident.PostAsJsonAsync($"/api/governance/complaints/{id}/confirm", new { note = "满意" })).EnsureSuccessStatusCode();
        await (await resident.PostAsJsonAsync($"/api/governance/complaints/{id}/reopen", new { note = "又吵了" })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "status");

        var anonymous = fixture.Factory.CreateClient();
        foreach (var url in new[] { $"/api/governance/complaints/{id}", "/api/governance/complaints", $"/open311/v2/requests/{id}.json", $"/open311/v2/requests/{id}.xml",
                     "/open311/v2/requests.json", "/api/layers/governance-complaints/features" })
        {
            var text = await (await anonymous.GetAsync(url)).Content.ReadAsStringAsync();
            Assert.DoesNotContain("赵六", text);
            Assert.DoesNotContain("13700001111", text);
        }
        Assert.Equal("closed", (await admin.GetFromJsonAsync<JsonElement>($"/api/governance/complaints/{id}")).GetProperty("status").GetString());
        Assert.True(similar.ValueKind == JsonValueKind.Array);
    }

    [Fact]
    public async Task AnnualSummarySentences_EqualTheApiFigures()
    {
        var planner = await fixture.Factory.ClientForAsync("planner");
        var figures = await planner.GetFromJsonAsync<JsonElement>("/api/governance/figures?year=2026");
        var md = await (await planner.GetAsync("/api/reports/annual?year=2026&format=md")).Content.ReadAsStringAsync();
        var c = figures.GetProperty("complaints");
        Assert.Contains($"共收到小区投诉{c.GetProperty("received").GetInt32()}件次", md);
        if (c.GetProperty("allResponded").GetBoolean())
            Assert.Contains("均100%予以处置回复", md);
        else
            Assert.Contains($"处置回复率{c.GetProperty("responseRatePercent").GetString()}", md);
        // The demo by hand: 48 monthly inspections of four compounds, a finding in three of every four, each rectified within its week.
        var ins = figures.GetProperty("inspections");
        Assert.Equal(48, ins.GetProperty("held").GetInt32());
        Assert.Equal(36, ins.GetProperty("findings").GetInt32());
        Assert.Contains("进行随机日常检查48次，共发现问题36个，均指导物业在规定时间内完成整改", md);
        // Six sessions: 52 + 48 + 55 + 61 + 50 + 47 = 313 person-times, in three compounds.
        Assert.Contains("开展安置小区物业服务培训6次，覆盖田园诗驿、保水逸苑、鹿溪河畔3个小区，提供313人次的业务培训", md);
        Assert.Contains("房屋租赁登记备案48件次，项目前期物业合同备案12件次，物业承接查验备案3件次，新建住宅附属设施设备交付使用备案2件次", md);
        var ro = figures.GetProperty("reopening");
        Assert.Equal(15, ro.GetProperty("held").GetInt32());
        Assert.Contains("进行实地检查15次，督导各驻地单位做好防疫消杀、口罩佩戴、温度测量、分流用餐等工作", md);
        Assert.DoesNotContain("【待补：小区投诉件次】", md);
    }

    internal static async Task<string> FileAsync(HttpClient client, string category, string description, object? answers = null, string? name = null, string? phone = null)
    {
        var response = await client.PostAsJsonAsync("/api/governance/complaints", new { category, description, location = InBaoshui, answers, reporterName = name, reporterPhone = phone });
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, text);
        return JsonDocument.Parse(text).RootElement.GetProperty("id").GetString()!;
    }

    private static string Run(string file, string args)
    {
        using var p = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, output);
        return output;
    }
}
