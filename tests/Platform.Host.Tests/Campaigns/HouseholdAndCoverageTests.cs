using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.Host.Tests.Support;

namespace Platform.Host.Tests.Campaigns;

/// <summary>Household imports (bad rows, keeping the good ones, XLSX), who sees names, and a campaign's coverage on a hand-built case.</summary>
[Collection(CampaignsCollection.Name)]
public sealed class HouseholdAndCoverageTests(CampaignsHost host)
{
    private const string Header = "类型,名称,所属村,楼栋,单元,房号,户主姓名,联系电话,身份证号,人数,经度,纬度\n";

    private static StringContent Csv(string text) => new(text, Encoding.UTF8, "text/csv");

    [Fact]
    public async Task AnImportWithBadRows_WritesNothing_ListsEachBadLine_AndKeepsTheGoodRowsOnlyWhenAsked()
    {
        var admin = await host.As("admin");
        var csv = Header
            + "村民小组,八组,测试导入村,,,1号,王一,13900000001,,3,104.0395,30.3720\n"
            + "村民小组,八组,测试导入村,,,2号,王二,139000,,2,,\n"
            + "村民小组,八组,测试导入村,,,3号,王三,,11010519491231002X,1,,\n"
            + "小区,不存在的小区,,1栋,1单元,101,王四,,,1,,\n"
            + "村民小组,八组,测试导入村,,,4号,王五,,110105194912310021,2,,\n";
        var refused = await (await admin.PostAsync("/api/households/import", Csv(csv))).ProblemAsync(HttpStatusCode.BadRequest, "rows");
        var rows = refused.GetProperty("rows").EnumerateArray().Select(r => (r.GetProperty("line").GetInt32(), r.GetProperty("field").GetString())).ToList();
        // Line 1 is the header: the short phone is on line 3, the unknown compound on line 5, the bad check digit on line 6.
        Assert.Equal([(3, "phone"), (5, "name"), (6, "idNumber")], rows);
        var counts = (await (await admin.GetAsync("/api/households/counts?kind=group")).JsonAsync(HttpStatusCode.OK)).EnumerateArray().ToList();
        Assert.DoesNotContain(counts, c => c.GetProperty("village").GetString() == "测试导入村");

        var kept = await (await admin.PostAsync("/api/households/import?keepGoodRows=true", Csv(csv))).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(2, kept.GetProperty("imported").GetInt32());
        Assert.Equal(3, kept.GetProperty("rejected").GetArrayLength());
        var register = Assert.Single(kept.GetProperty("registers").EnumerateArray());
        Assert.Equal(2, register.GetProperty("households").GetInt32());
        Assert.Equal(4, register.GetProperty("members").GetInt32());

        // The same household twice is refused as a row, and an XLSX table reads as the CSV does.
        var xlsx = Platform.Campaigns.Households.TableFile.WriteXlsx("住户",
        [
            ["类型", "名称", "所属村", "房号", "户主姓名", "人数"],
            ["村民小组", "八组", "测试导入村", "1号", "王一", "3"],
            ["村民小组", "八组", "测试导入村", "9号", "王九", "4"],
        ]);
        var content = new ByteArrayContent(xlsx);
        content.Headers.ContentType = new("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        var fromXlsx = await (await admin.PostAsync("/api/households/import?keepGoodRows=true", content)).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(1, fromXlsx.GetProperty("imported").GetInt32());
        var twice = Assert.Single(fromXlsx.GetProperty("rejected").EnumerateArray());
        Assert.Equal((2, "room"), (twice.GetProperty("line").GetInt32(), twice.GetProperty("field").GetString()));
        await (await admin.PostAsync("/api/households/import", new StringContent("{}", Encoding.UTF8, "application/json"))).ProblemAsync(HttpStatusCode.UnsupportedMediaType, "Content-Type");
    }

    [Fact]
    public async Task Coverage_IsCompletedVisitsOverTargetHouseholds_PerRegister()
    {
        var admin = await host.As("admin");
        var csv = Header
            + "村民小组,一组,覆盖率测试村,,,1号,李一,,,1,104.0390,30.3730\n"
            + "村民小组,一组,覆盖率测试村,,,2号,李二,,,1,,\n"
            + "村民小组,一组,覆盖率测试村,,,3号,李三,,,1,,\n"
            + "村民小组,一组,覆盖率测试村,,,4号,李四,,,1,,\n"
            + "村民小组,二组,覆盖率测试村,,,1号,赵一,,,1,104.0400,30.3730\n"
            + "村民小组,二组,覆盖率测试村,,,2号,赵二,,,1,,\n";
        var imported = await (await admin.PostAsync("/api/households/import", Csv(csv))).JsonAsync(HttpStatusCode.OK);
        var registers = imported.GetProperty("registers").EnumerateArray().ToDictionary(r => r.GetProperty("name").GetString()!, r => r.GetProperty("registerId").GetGuid());
        async Task<Dictionary<string, Guid>> HouseholdsAsync(Guid register) =>
            (await (await admin.GetAsync($"/api/households?registerId={register}")).JsonAsync(HttpStatusCode.OK)).EnumerateArray()
                .ToDictionary(h => h.GetProperty("room").GetString()!, h => h.GetProperty("id").GetGuid());
        var one = await HouseholdsAsync(registers["一组"]);
        var two = await HouseholdsAsync(registers["二组"]);

        var launched = await (await admin.PostAsJsonAsync("/api/campaigns", new { name = "覆盖率测试排查", startOn = "2026-02-01", registers = new[] { registers["一组"], registers["二组"] } }))
            .JsonAsync(HttpStatusCode.Created);
        var id = launched.GetProperty("id").GetGuid();
        async Task Visit(Guid household, string outcome, string at) =>
            await (await admin.PostAsJsonAsync($"/api/campaigns/{id}/visits", new { householdId = household, outcome, information = outcome == "visited", at })).JsonAsync(HttpStatusCode.OK);
        // 一组: 1号 visited; 2号 nobody home; 3号 nobody home, then visited; 4号 not yet. 二组: 1号 refused; 2号 visited.
        await Visit(one["1号"], "visited", "2026-02-02T10:00:00+08:00");
        await Visit(one["2号"], "nobody_home", "2026-02-02T10:30:00+08:00");
        await Visit(one["3号"], "nobody_home", "2026-02-02T11:00:00+08:00");
        await Visit(one["3号"], "visited", "2026-02-03T18:00:00+08:00");
        await Visit(two["1号"], "refused", "2026-02-02T15:00:00+08:00");
        await Visit(two["2号"], "visited", "2026-02-02T15:20:00+08:00");

        var coverage = await (await admin.GetAsync($"/api/campaigns/{id}/coverage")).JsonAsync(HttpStatusCode.OK);
        var rows = coverage.GetProperty("targets").EnumerateArray().ToDictionary(t => t.GetProperty("name").GetString()!);
        Assert.Equal((4, 2, 1, 0, 1, 0.5), Row(rows["一组"]));
        Assert.Equal((2, 1, 0, 1, 0, 0.5), Row(rows["二组"]));
        Assert.Equal(6, coverage.GetProperty("targetHouseholds").GetInt32());
        Assert.Equal(3, coverage.GetProperty("completed").GetInt32());
        Assert.Equal("50%", coverage.GetProperty("percent").GetString());

        // A household of another register (人才公寓, not targeted) is outside the campaign: 409, nothing recorded.
        var talent = (await (await admin.GetAsync("/api/households/counts?kind=compound")).JsonAsync(HttpStatusCode.OK)).EnumerateArray()
            .First(c => c.GetProperty("name").GetString() == "人才公寓").GetProperty("registerId").GetGuid();
        var outsider = (await (await admin.GetAsync($"/api/households?registerId={talent}")).JsonAsync(HttpStatusCode.OK)).EnumerateArray().First().GetProperty("id").GetGuid();
        await (await admin.PostAsJsonAsync($"/api/campaigns/{id}/visits", new { householdId = outsider, outcome = "visited" })).ProblemAsync(HttpStatusCode.Conflict, "householdId");
        await (await admin.PostAsJsonAsync($"/api/campaigns/{id}/visits", new { householdId = one["4号"], outcome = "at_home" })).ProblemAsync(HttpStatusCode.BadRequest, "outcome");
        var again = await (await admin.GetAsync($"/api/campaigns/{id}/coverage")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(3, again.GetProperty("completed").GetInt32());

        // The same figures on the map layer, without a household or a person.
        var layer = await (await admin.GetAsync($"/ogc/collections/campaign-coverage/items?campaign={Uri.EscapeDataString("覆盖率测试排查")}")).JsonAsync(HttpStatusCode.OK);
        var features = layer.GetProperty("features").EnumerateArray().ToDictionary(f => f.GetProperty("properties").GetProperty("name").GetString()!, f => f.GetProperty("properties"));
        Assert.Equal(0.5, features["一组"].GetProperty("coverage").GetDouble());
        Assert.Equal(2, features["二组"].GetProperty("targetHouseholds").GetInt32());
        Assert.DoesNotContain("李一", layer.GetRawText());
    }

    [Fact]
    public async Task HouseholdNames_AreForStaffOfTheirCommunity_AndAWorkersListWorksOnThePhonePage()
    {
        var admin = await host.As("admin");
        var planner = await host.As("planner");
        var worker = await host.As("worker");
        var talent = (await (await admin.GetAsync("/api/households/counts?kind=compound")).JsonAsync(HttpStatusCode.OK)).EnumerateArray()
            .First(c => c.GetProperty("name").GetString() == "人才公寓");
        var url = $"/api/households?registerId={talent.GetProperty("registerId").GetGuid()}";
        Assert.All((await (await admin.GetAsync(url)).JsonAsync(HttpStatusCode.OK)).EnumerateArray(), h => Assert.Equal(JsonValueKind.String, h.GetProperty("head").ValueKind));
        Assert.All((await (await planner.GetAsync(url)).JsonAsync(HttpStatusCode.OK)).EnumerateArray(), h =>
        {
            Assert.Equal(JsonValueKind.Null, h.GetProperty("head").ValueKind);
            Assert.Equal(JsonValueKind.Null, h.GetProperty("phone").ValueKind);
            Assert.Equal(JsonValueKind.Null, h.GetProperty("id").ValueKind);
        });
        using var anonymous = host.Factory.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(url)).StatusCode);

        // The demo assigns 人才公寓 to the demo worker.
        var mine = (await (await worker.GetAsync("/api/campaigns/mine")).JsonAsync(HttpStatusCode.OK)).EnumerateArray().ToList();
        Assert.Equal(talent.GetProperty("households").GetInt32(), mine.Count);
        Assert.Contains("/campaigns/visits.js", await anonymous.GetStringAsync("/campaigns/visits"));
        Assert.Contains("/campaigns/manage.js", await anonymous.GetStringAsync("/campaigns/manage"));
    }

    private static (int, int, int, int, int, double) Row(JsonElement r) => (r.GetProperty("targetHouseholds").GetInt32(), r.GetProperty("completed").GetInt32(),
        r.GetProperty("nobodyHome").GetInt32(), r.GetProperty("refused").GetInt32(), r.GetProperty("notYetVisited").GetInt32(), r.GetProperty("coverage").GetDouble());
}
