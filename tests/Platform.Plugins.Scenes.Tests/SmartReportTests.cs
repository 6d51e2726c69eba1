using System.Net;
using Platform.Testing;

namespace Platform.Plugins.Scenes.Tests;

/// <summary>The annual summary's smart-compound paragraph (section 五) and plan (section 二) computed from the demo's projects and devices.</summary>
[Collection(ScenesCollection.Name)]
public sealed class SmartReportTests(PlatformFixture fixture)
{
    [Fact]
    public async Task The_annual_summary_tells_the_pilot_and_the_next_compounds_from_the_projects()
    {
        var planner = await fixture.Factory.ClientForAsync("planner");
        var response = await planner.GetAsync($"/api/reports/annual?year={DateTime.Today.Year}&format=md");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var md = await response.Content.ReadAsStringAsync();
        // The demo (SmartDemo): 鹿溪河畔 reached 调试 with 7 devices — face gate, temperature check, 3 cameras, 2 barrier gates —
        // bought through the (demo) contractor; 保水逸苑 and 鹿溪雅韵 started in 方案.
        Assert.Contains("**六是推进智慧小区建设。**通过现场考察调研，选定鹿溪河畔作为智慧小区建设试点点位，按程序与示意科技公司（演示）达成合作，制定智慧小区建设方案，采购相关智能设备，完成人脸识别门禁、智慧测温、监控、道闸等7台设备的安装，正在调试。", md);
        Assert.Contains("**三是营造智慧场景。**在完成鹿溪河畔智慧小区建设的基础上，启动", md);
        Assert.Contains("保水逸苑、鹿溪雅韵智慧小区打造工程，力争将", md);
        Assert.Contains("“大数据+统一指挥调度+统一服务管理”", md);
        Assert.DoesNotContain("Smart compounds", md);
    }
}
