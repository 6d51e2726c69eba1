using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.Testing;

namespace Platform.Reports.Tests;

/// <summary>Administrators' template overrides: upload, preview, history, revert, and template errors with line and column.</summary>
public sealed class TemplateTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private PlatformFactory Factory => fixture.Factory;

    [Fact]
    public async Task BrokenTemplate_IsRefusedWithItsLineAndColumn_AndNothingIsStoredOrProduced()
    {
        var admin = await Factory.ClientForAsync("admin");
        var before = await admin.JsonAsync("/api/reports/templates/overview");

        // A syntax error on line 3: the expression after + is missing.
        var parse = await admin.PutAsJsonAsync("/api/reports/templates/overview", new { template = "# 标题\n\n数字{{ report.year + }}\n", reason = "测试" });
        await AssertTemplateProblemAsync(parse, HttpStatusCode.BadRequest, "overview", 3);

        // A render error on line 2: a field the model does not have.
        var render = await admin.PostAsJsonAsync("/api/reports/templates/overview/preview?format=md", new { template = "# 标题\n社区{{ report.no_such_figure }}个\n" });
        var problem = await AssertTemplateProblemAsync(render, HttpStatusCode.BadRequest, "overview", 2);
        Assert.InRange(problem.GetProperty("column").GetInt32(), 3, 30);

        var after = await admin.JsonAsync("/api/reports/templates/overview");
        Assert.Equal(before.GetProperty("version").GetInt64(), after.GetProperty("version").GetInt64());
        Assert.Equal(before.GetProperty("text").GetString(), after.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Upload_IsCheckedInEveryYearWithData_NotOnlyThisOne()
    {
        var admin = await Factory.ClientForAsync("admin");
        var before = await admin.JsonAsync("/api/reports/templates/annual");
        var shipped = before.GetProperty("shipped").GetString()!;
        // The jurisdiction register has communities at the end of 2020 (its statistics count them), so 2020 has data.
        var stats = await admin.JsonAsync("/api/jurisdiction/statistics?from=2020-01-01&to=2020-12-31");
        Assert.True(stats.GetProperty("after").GetProperty("communities").GetInt32() > 0);

        // A branch only the 2020 summary takes reads a figure the model does not have.
        var broken = shipped + "\n{{ if report.year == 2020 }}{{ report.no_such_figure }}{{ end }}\n";
        var preview = await admin.PostAsJsonAsync($"/api/reports/templates/annual/preview?format=md&year={ReportClient.ThisYear}", new { template = broken });
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var put = await admin.PutAsJsonAsync("/api/reports/templates/annual", new { template = broken, reason = "测试" });
        var problem = await AssertTemplateProblemAsync(put, HttpStatusCode.BadRequest, "annual", shipped.Split('\n').Length + 1);
        Assert.Equal(2020, problem.GetProperty("year").GetInt32());
        Assert.Contains("2020年报告", problem.GetProperty("detailZh").GetString());

        var after = await admin.JsonAsync("/api/reports/templates/annual");
        Assert.Equal(before.GetProperty("version").GetInt64(), after.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Upload_Preview_History_Revert()
    {
        var admin = await Factory.ClientForAsync("admin");
        var shipped = (await admin.JsonAsync("/api/reports/templates/community")).GetProperty("text").GetString()!;
        var custom = shipped + "\n本报告由{{ report.street.name }}社区发展办审定。\n";

        var preview = await admin.PostAsJsonAsync("/api/reports/templates/community/preview?format=md&community=XL-BS", new { template = custom });
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        Assert.Contains("本报告由兴隆街道社区发展办审定。", await preview.Content.ReadAsStringAsync());
        Assert.DoesNotContain("审定", await admin.MarkdownAsync("/api/reports/community/XL-BS?format=md"));

        var put = await admin.PutAsync("/api/reports/templates/community?reason=" + Uri.EscapeDataString("增加审定说明"), new StringContent(custom, Encoding.UTF8, "text/plain"));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(1, (await put.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt64());
        Assert.Contains("本报告由兴隆街道社区发展办审定。", await admin.MarkdownAsync("/api/reports/community/XL-BS?format=md"));

        var revert = await admin.PostAsync("/api/reports/templates/community/revert/0", null);
        Assert.Equal(HttpStatusCode.OK, revert.StatusCode);
        Assert.DoesNotContain("审定", await admin.MarkdownAsync("/api/reports/community/XL-BS?format=md"));

        var history = (await admin.JsonAsync("/api/reports/templates/community/history")).EnumerateArray().ToList();
        Assert.Equal([0L, 1L, 2L], history.Select(h => h.GetProperty("version").GetInt64()));
        Assert.Equal(["shipped", "revised", "reverted"], history.Select(h => h.GetProperty("type").GetString()));
        Assert.Equal("admin", history[1].GetProperty("user").GetString());
        Assert.Equal("增加审定说明", history[1].GetProperty("reason").GetString());
        Assert.Equal(shipped, history[2].GetProperty("text").GetString());

        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync("/api/reports/templates/community/revert/9", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PutAsJsonAsync("/api/reports/templates/nope", new { template = "x" })).StatusCode);
    }

    [Fact]
    public async Task OnlyAdministrators_ChangeTemplates()
    {
        var planner = await Factory.ClientForAsync("planner");
        Assert.Equal(HttpStatusCode.OK, (await planner.GetAsync("/api/reports/templates")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await planner.PutAsJsonAsync("/api/reports/templates/annual", new { template = "# x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await planner.PostAsync("/api/reports/templates/annual/revert/0", null)).StatusCode);
    }

    private static async Task<JsonElement> AssertTemplateProblemAsync(HttpResponseMessage response, HttpStatusCode status, string template, int line)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = JsonDocument.Parse(body).RootElement;
        Assert.Equal(template, problem.GetProperty("template").GetString());
        Assert.Equal(line, problem.GetProperty("line").GetInt32());
        Assert.True(problem.GetProperty("column").GetInt32() >= 1);
        Assert.Contains($"第{line}行", problem.GetProperty("detailZh").GetString());
        return problem;
    }
}
