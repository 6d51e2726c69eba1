using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;

namespace Platform.Host.Tests;

public sealed class RestartTests
{
    [Fact]
    public async Task EventsWrittenThroughAPluginGrain_SurviveAHostRestart()
    {
        var text = "restart " + Guid.NewGuid();
        var first = await PlatformFactory.StartAsync("restart");
        await using (first)
        {
            // The sample plugin is off on a new deployment: a developer enables it (a setting that must survive too) and posts.
            var developer = await first.ClientForAsync("developer");
            (await developer.PostAsync("/api/plugins/sample/enable", null)).EnsureSuccessStatusCode();
            var post = await developer.PostAsJsonAsync("/api/scenes/sample/notes", new { text });
            post.EnsureSuccessStatusCode();
        }

        await using var second = first.Restarted();
        var notes = await second.CreateClient().GetFromJsonAsync<JsonElement>("/api/scenes/sample/notes");

        Assert.Contains(notes.EnumerateArray(), n => n.GetProperty("text").GetString() == text);
    }
}
