using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;

namespace Platform.Host.Tests;

/// <summary>The host as an operator runs it: its own process, its own embedded PostgreSQL.</summary>
public sealed class HostProcessTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);

    [Fact]
    public async Task WrittenData_SurvivesSigkillOfTheHost_AndTheServerIsStoppedOnSigterm()
    {
        var dataDir = TestServer.CreateFolder("process");
        var text = "kill -9 " + Guid.NewGuid();

        // The demo is not what this test is about, and seeding it is the slow part of a first start. Without it there are
        // no users: the first administrator is created with the CLI, as the README tells an operator to.
        var (exit, output) = await HostProcess.RunVerbAsync(dataDir, new Dictionary<string, string> { ["PLATFORM_NEW_PASSWORD"] = "process-test" },
            "user", "add", "chen", "--role", "administrator", "--Platform:Demo=false");
        Assert.True(exit == 0, output);
        await using var first = HostProcess.Start(dataDir, "--Platform:Demo=false");
        await first.WaitHealthyAsync(StartTimeout);
        using (var client = await SignedInAsync(first))
        {
            var facility = new { name = text, category = "culture_station", geometry = new { type = "Point", coordinates = new[] { 104.07, 30.40 } } };
            var created = await client.PostAsJsonAsync("/api/facilities", facility);
            Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        }
        first.Crash();

        await using var second = HostProcess.Start(dataDir, "--Platform:Demo=false");
        await second.WaitHealthyAsync(StartTimeout);
        using (var client = second.CreateClient())
        {
            var facilities = await client.GetFromJsonAsync<JsonElement>("/api/facilities");
            Assert.Contains(facilities.EnumerateArray(), f => f.GetProperty("name").GetString() == text);
        }
        Assert.Equal(0, await second.TerminateAsync());

        var pidFile = Directory.GetFiles(dataDir, "postmaster.pid", SearchOption.AllDirectories);
        Assert.Empty(pidFile);
    }

    private static async Task<HttpClient> SignedInAsync(HostProcess host)
    {
        var client = host.CreateClient();
        var login = await (await client.PostAsJsonAsync("/api/auth/login", new { username = "chen", password = "process-test" })).Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", login.GetProperty("accessToken").GetString());
        return client;
    }
}
