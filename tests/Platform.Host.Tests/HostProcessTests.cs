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

        // The demo is not what this test is about, and seeding it is the slow part of a first start.
        await using var first = HostProcess.Start(dataDir, "--Platform:Demo=false");
        await first.WaitHealthyAsync(StartTimeout);
        using (var client = first.CreateClient())
            Assert.Equal(HttpStatusCode.Created, (await client.PostAsJsonAsync("/api/scenes/sample/notes", new { text })).StatusCode);
        first.Crash();

        await using var second = HostProcess.Start(dataDir, "--Platform:Demo=false");
        await second.WaitHealthyAsync(StartTimeout);
        using (var client = second.CreateClient())
        {
            var notes = await client.GetFromJsonAsync<JsonElement>("/api/scenes/sample/notes");
            Assert.Contains(notes.EnumerateArray(), n => n.GetProperty("text").GetString() == text);
        }
        Assert.Equal(0, await second.TerminateAsync());

        var pidFile = Directory.GetFiles(dataDir, "postmaster.pid", SearchOption.AllDirectories);
        Assert.Empty(pidFile);
    }
}
