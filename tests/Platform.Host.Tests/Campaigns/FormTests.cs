using System.Net;
using System.Net.Http.Json;
using System.Text;
using Platform.Host.Tests.Support;

namespace Platform.Host.Tests.Campaigns;

/// <summary>Report forms sent upward: deadlines on the injected clock, one submission per period, exports.</summary>
[Collection(CampaignsCollection.Name)]
public sealed class FormTests(CampaignsHost host)
{
    [Fact]
    public async Task AFormIsOverdueAtItsDeadline_SubmittedOncePerPeriod_AndExported()
    {
        var admin = await host.As("admin");
        var defined = await (await admin.PostAsJsonAsync("/api/forms", new
        {
            name = "测试周期报表", office = "市防疫指挥部", everyDays = 3, startOn = "2026-04-01", endOn = "2026-04-30", dueAt = "10:00", responsible = "worker",
            fields = new[] { new { name = "隔离人数", type = "integer" }, new { name = "说明", type = "text" } },
        })).JsonAsync(HttpStatusCode.Created);
        var id = defined.GetProperty("id").GetGuid();
        // The first period is 4月1日–3日; it is due on its last day at 10:00 China time, 02:00 UTC.
        var deadline = new DateTimeOffset(2026, 4, 3, 2, 0, 0, TimeSpan.Zero);
        try
        {
            host.Clock.Now = deadline.AddMinutes(-1);
            Assert.DoesNotContain(await OverdueAsync(admin), o => o.Form == id);
            host.Clock.Now = deadline;
            Assert.Contains(await OverdueAsync(admin), o => o.Form == id && o.Period == "2026-04-01");

            await (await admin.PostAsJsonAsync($"/api/forms/{id}/submissions", new { period = "2026-04-02", values = new Dictionary<string, string> { ["隔离人数"] = "12", ["说明"] = "正常" } }))
                .ProblemAsync(HttpStatusCode.BadRequest, "period");
            await (await admin.PostAsJsonAsync($"/api/forms/{id}/submissions", new { period = "2026-04-04", values = new Dictionary<string, string> { ["隔离人数"] = "12", ["说明"] = "正常" } }))
                .ProblemAsync(HttpStatusCode.BadRequest, "period");
            await (await admin.PostAsJsonAsync($"/api/forms/{id}/submissions", new { period = "2026-04-01", values = new Dictionary<string, string> { ["隔离人数"] = "很多", ["说明"] = "正常" } }))
                .ProblemAsync(HttpStatusCode.BadRequest, "values.隔离人数");
            await (await admin.PostAsJsonAsync($"/api/forms/{id}/submissions", new { period = "2026-04-01", values = new Dictionary<string, string> { ["隔离人数"] = "12", ["说明"] = "正常" } }))
                .JsonAsync(HttpStatusCode.Created);
            await (await admin.PostAsJsonAsync($"/api/forms/{id}/submissions", new { period = "2026-04-01", values = new Dictionary<string, string> { ["隔离人数"] = "13", ["说明"] = "重复" } }))
                .ProblemAsync(HttpStatusCode.Conflict, "period");
            Assert.DoesNotContain(await OverdueAsync(admin), o => o.Form == id);
        }
        finally
        {
            host.Clock.Now = null;
        }

        var csv = Encoding.UTF8.GetString(await admin.GetByteArrayAsync($"/api/forms/{id}/export.csv"));
        var lines = csv.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("报送期,截止时间,报送时间,报送人,是否逾期,隔离人数,说明", lines[0]);
        // Submitted at the deadline minute itself: on time (late means after it).
        Assert.Equal("2026-04-01,2026-04-03 10:00,2026-04-03 10:00,admin,按时,12,正常", lines[1]);
        var xlsx = await admin.GetAsync($"/api/forms/{id}/export.xlsx");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        Assert.Equal("PK", Encoding.ASCII.GetString((await xlsx.Content.ReadAsByteArrayAsync())[..2]));
    }

    private static async Task<List<(Guid Form, string Period)>> OverdueAsync(HttpClient client) =>
        [.. (await (await client.GetAsync("/api/forms/overdue")).JsonAsync(HttpStatusCode.OK)).EnumerateArray()
            .Select(o => (o.GetProperty("formId").GetGuid(), o.GetProperty("period").GetString()!))];
}
