using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;

namespace Platform.Host.Tests.Plugins;

public sealed class FaultyPluginTests : IAsyncLifetime
{
    private PlatformFactory? _factory;
    private HttpClient Client => _factory!.CreateClient();

    public async Task InitializeAsync()
    {
        // The shipped plugins plus one that throws while starting.
        var dir = TestServer.CreateFolder("plugins");
        CopyTree(Path.Combine(AppContext.BaseDirectory, "plugins"), dir);
        CopyTree(Path.Combine(AppContext.BaseDirectory, "test-plugins"), dir);
        _factory = await PlatformFactory.StartAsync("faulty", pluginDir: dir);
    }

    public async Task DisposeAsync() => await _factory!.DisposeAsync();

    [Fact]
    public async Task PluginThatThrowsAtStart_IsFailedWithItsMessage_AndTheOthersRun()
    {
        var plugins = await Client.GetFromJsonAsync<JsonElement>("/api/plugins");

        var faulty = plugins.EnumerateArray().Single(p => p.GetProperty("id").GetString() == "faulty");
        Assert.Equal("failed", faulty.GetProperty("state").GetString());
        Assert.Contains("deliberate start-up failure", faulty.GetProperty("reason").GetString());
        var service = plugins.EnumerateArray().Single(p => p.GetProperty("id").GetString() == "service");
        Assert.Equal("running", service.GetProperty("state").GetString());
        var developer = await _factory!.ClientForAsync("developer");
        Assert.Equal(HttpStatusCode.OK, (await developer.PostAsync("/api/plugins/sample/enable", null)).StatusCode);
        var post = await developer.PostAsJsonAsync("/api/scenes/sample/notes", new { text = "still here" });
        Assert.Equal(HttpStatusCode.Created, post.StatusCode);
    }

    [Fact]
    public async Task Health_WithAFailedPlugin_AnswersDegradedNamingIt()
    {
        var response = await Client.GetAsync("/health");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("degraded", body.GetProperty("status").GetString());
        Assert.Equal("healthy", body.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.Equal("healthy", body.GetProperty("checks").GetProperty("silo").GetProperty("status").GetString());
        Assert.Contains("faulty", body.GetProperty("checks").GetProperty("plugins").GetProperty("description").GetString());
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
