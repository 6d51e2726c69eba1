using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;

namespace Platform.Host.Tests.Governance;

/// <summary>A category whose complaints must be accepted within 8 seconds: overdue ones go to the community head, once, on time, across a restart.</summary>
[Collection("governance")]
public sealed class EscalationTests(GovernanceFixture fixture)
{
    private const double EightSecondsInHours = 8.0 / 3600;

    [Fact]
    public async Task AnOverdueComplaint_EscalatesOnce_OnTime_AndSurvivesAHostRestart()
    {
        var admin = await fixture.Factory.ClientForAsync("admin");
        (await admin.PutAsJsonAsync("/api/governance/complaint-categories/test_overdue", new
        {
            nameZh = "测试超时", nameEn = "Overdue test", descriptionZh = "", route = "community", acceptWithinHours = EightSecondsInHours, respondWithinHours = 1000,
        })).EnsureSuccessStatusCode();
        var resident = await fixture.Factory.ClientForAsync("resident");
        var first = await ComplaintTests.FileAsync(resident, "test_overdue", "第一件：无人受理");

        var escalated = await WaitForEscalationAsync(admin, first, TimeSpan.FromSeconds(40));
        var due = escalated.GetProperty("acceptDueAt").GetDateTimeOffset();
        var at = escalated.GetProperty("escalations")[0].GetProperty("at").GetDateTimeOffset();
        Assert.InRange((at - due).TotalSeconds, 0, 15);
        Assert.Equal(1, escalated.GetProperty("escalations")[0].GetProperty("level").GetInt32());
        Assert.EndsWith("负责人", escalated.GetProperty("escalations")[0].GetProperty("to").GetString());

        // A second one is filed and the host restarts before it is due: its timer must survive.
        var second = await ComplaintTests.FileAsync(resident, "test_overdue", "第二件：重启前登记");
        await fixture.RestartAsync();
        admin = await fixture.Factory.ClientForAsync("admin");
        var secondEscalated = await WaitForEscalationAsync(admin, second, TimeSpan.FromSeconds(60));
        Assert.Single(secondEscalated.GetProperty("escalations").EnumerateArray());
        Assert.True(secondEscalated.GetProperty("escalations")[0].GetProperty("at").GetDateTimeOffset() >= secondEscalated.GetProperty("acceptDueAt").GetDateTimeOffset());

        await Task.Delay(TimeSpan.FromSeconds(5));
        var firstAgain = await admin.GetFromJsonAsync<JsonElement>($"/api/governance/complaints/{first}");
        Assert.Single(firstAgain.GetProperty("escalations").EnumerateArray());
        Assert.Equal(at, firstAgain.GetProperty("escalations")[0].GetProperty("at").GetDateTimeOffset());
    }

    private static async Task<JsonElement> WaitForEscalationAsync(HttpClient client, string id, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            var c = await client.GetFromJsonAsync<JsonElement>($"/api/governance/complaints/{id}");
            if (c.GetProperty("escalations").GetArrayLength() > 0)
                return c;
            Assert.True(DateTime.UtcNow < until, $"complaint {id} did not escalate within {timeout}");
            await Task.Delay(500);
        }
    }
}
