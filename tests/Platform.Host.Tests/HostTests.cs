using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;

namespace Platform.Host.Tests;

public sealed class HostTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private readonly HttpClient _client = fixture.Factory.CreateClient();

    [Fact]
    public async Task Health_WhenDatabaseSiloAndPluginsAreUp_Is200WithEachCheckHealthy()
    {
        var response = await _client.GetAsync("/health");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("healthy", body.GetProperty("status").GetString());
        foreach (var check in new[] { "database", "silo", "plugins" })
            Assert.Equal("healthy", body.GetProperty("checks").GetProperty(check).GetProperty("status").GetString());
        Assert.Contains("PostgreSQL", body.GetProperty("checks").GetProperty("database").GetProperty("description").GetString());
    }

    [Fact]
    public async Task Plugins_ListTheSamplePlugin_OffUntilADeveloperEnablesIt()
    {
        var plugins = await _client.GetFromJsonAsync<JsonElement>("/api/plugins");

        var sample = plugins.EnumerateArray().Single(p => p.GetProperty("id").GetString() == "sample");
        Assert.Contains(sample.GetProperty("state").GetString(), new[] { "disabled", "running" });
        Assert.Equal("1.1.0", sample.GetProperty("version").GetString());
        Assert.Equal("示例插件（留言板）", sample.GetProperty("nameZh").GetString());
    }

    [Fact]
    public async Task SampleNote_PostedThroughTheGrain_IsReadBackFromTheEventStore()
    {
        var developer = await SampleEnabledAsync();
        var text = "兴隆湖 " + Guid.NewGuid();
        var post = await developer.PostAsJsonAsync("/api/scenes/sample/notes", new { text });
        var notes = await developer.GetFromJsonAsync<JsonElement>("/api/scenes/sample/notes");

        Assert.Equal(HttpStatusCode.Created, post.StatusCode);
        var note = notes.EnumerateArray().Single(n => n.GetProperty("text").GetString() == text);
        Assert.Equal("developer", note.GetProperty("user").GetString());
    }

    [Theory]
    [InlineData("{\"text\":\"\"}", "text")]
    [InlineData("{\"text\":", "text")]
    [InlineData("[1,", "body")]
    public async Task SampleNote_WhenInvalid_Is400ProblemNamingTheField(string json, string field)
    {
        var developer = await SampleEnabledAsync();
        var response = await developer.PostAsync("/api/scenes/sample/notes",
            new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(field, problem.GetProperty("field").GetString());
    }

    [Fact]
    public async Task SampleNote_TooLong_IsRefusedAndNothingIsAppended()
    {
        var developer = await SampleEnabledAsync();
        var before = (await developer.GetFromJsonAsync<JsonElement>("/api/scenes/sample/notes")).GetArrayLength();
        var response = await developer.PostAsJsonAsync("/api/scenes/sample/notes", new { text = new string('长', 501) });
        var after = (await developer.GetFromJsonAsync<JsonElement>("/api/scenes/sample/notes")).GetArrayLength();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, after);
    }

    /// <summary>The sample plugin is off on a new deployment; a developer switches it on (idempotent) and posts.</summary>
    private async Task<HttpClient> SampleEnabledAsync()
    {
        var developer = await fixture.Factory.ClientForAsync("developer");
        (await developer.PostAsync("/api/plugins/sample/enable", null)).EnsureSuccessStatusCode();
        return developer;
    }
}
