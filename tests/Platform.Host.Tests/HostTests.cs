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
        // The description counts what runs: the sample plugin may be off (it is by default).
        var plugins = body.GetProperty("checks").GetProperty("plugins");
        var running = plugins.GetProperty("data").EnumerateObject().Count(p => p.Value.GetString() == "running");
        Assert.StartsWith($"{running} of {plugins.GetProperty("data").EnumerateObject().Count()} plugin(s) running", plugins.GetProperty("description").GetString());
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

    [Fact]
    public async Task JsonAnswers_CarryChineseAsUtf8_NotAsEscapes()
    {
        foreach (var url in new[] { "/api/jurisdiction/units?level=community", "/api/facilities", "/api/layers", "/ogc/collections" })
        {
            var bytes = await _client.GetByteArrayAsync(url);
            var text = System.Text.Encoding.UTF8.GetString(bytes);
            Assert.DoesNotMatch(@"\\u[4-9][0-9a-fA-F]{3}", text);
            if (url.Contains("level=community", StringComparison.Ordinal))
                Assert.True(bytes.AsSpan().IndexOf("兴隆湖社区"u8) >= 0, $"{url} does not carry 兴隆湖社区 as UTF-8");
        }
    }

    [Fact]
    public async Task OpenApi_DescribesEveryArea_WithTheRolesEachOperationNeeds()
    {
        var document = await _client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        Assert.StartsWith("3.", document.GetProperty("openapi").GetString());
        var paths = document.GetProperty("paths");
        string[] Roles(string path, string method) =>
            [.. paths.GetProperty(path).GetProperty(method).GetProperty("x-platform-roles").EnumerateArray().Select(r => r.GetString()!)];

        Assert.Equal(["administrator"], Roles("/api/sites", "post"));
        Assert.Empty(Roles("/api/sites", "get"));
        Assert.Equal(["administrator", "worker"], Roles("/api/facilities/{id}/close", "post"));
        Assert.Equal(["administrator", "planner", "worker", "developer"], Roles("/api/sites/{id}/history", "get"));
        Assert.Equal(["administrator", "worker", "resident"], Roles("/api/scenes/ecological/registrations", "post"));
        Assert.Empty(Roles("/api/auth/login", "post"));
        foreach (var area in new[] { "/api/jurisdiction/units", "/api/compounds", "/ogc/collections", "/api/reports/annual", "/api/plugins" })
            Assert.True(paths.TryGetProperty(area, out _), $"{area} is not described");
        Assert.Contains("管理员", paths.GetProperty("/api/sites").GetProperty("post").GetProperty("description").GetString());
        // Request bodies and refusals are described: the site's body names its fields, a refusal is problem+json.
        var sitePost = paths.GetProperty("/api/sites").GetProperty("post");
        var body = sitePost.GetProperty("requestBody").GetProperty("content").GetProperty("application/json").GetProperty("schema");
        var properties = body.TryGetProperty("properties", out var p) ? p
            : document.GetProperty("components").GetProperty("schemas").GetProperty(body.GetProperty("$ref").GetString()!.Split('/')[^1]).GetProperty("properties");
        foreach (var field in new[] { "name", "geometry", "status", "budgetWan" })
            Assert.True(properties.TryGetProperty(field, out _), $"the site body does not describe '{field}'");
        Assert.True(sitePost.GetProperty("responses").GetProperty("403").GetProperty("content").TryGetProperty("application/problem+json", out _));
        var page = await _client.GetStringAsync("/openapi");
        Assert.Contains("/openapi/v1.json", page);
    }

    [Fact]
    public async Task OpenApi_ListsAPluginsOperations_OnlyWhileItRuns()
    {
        var developer = await fixture.Factory.ClientForAsync("developer");
        async Task<bool> DescribedAsync() =>
            (await _client.GetFromJsonAsync<JsonElement>("/openapi/v1.json")).GetProperty("paths").TryGetProperty("/api/scenes/sample/notes", out _);

        (await developer.PostAsync("/api/plugins/sample/enable", null)).EnsureSuccessStatusCode();
        Assert.True(await DescribedAsync());
        (await developer.PostAsync("/api/plugins/sample/disable", null)).EnsureSuccessStatusCode();
        Assert.False(await DescribedAsync());
        (await developer.PostAsync("/api/plugins/sample/enable", null)).EnsureSuccessStatusCode();
        Assert.True(await DescribedAsync());
    }

    [Fact]
    public async Task AStreamWrittenBeforeItsProjectionExisted_IsRebuiltOnTheNextWrite_NotRefused()
    {
        var developer = await SampleEnabledAsync();
        var first = "升级前 " + Guid.NewGuid();
        (await developer.PostAsJsonAsync("/api/scenes/sample/notes", new { text = first })).EnsureSuccessStatusCode();
        // As data of an older version: the events are there, their read model is not.
        await using (var connection = new Npgsql.NpgsqlConnection(fixture.Factory.ConnectionString))
        {
            await connection.OpenAsync();
            await using var delete = new Npgsql.NpgsqlCommand("delete from platform.mt_doc_noteboard", connection);
            Assert.Equal(1, await delete.ExecuteNonQueryAsync());
        }
        var second = "升级后 " + Guid.NewGuid();
        var post = await developer.PostAsJsonAsync("/api/scenes/sample/notes", new { text = second });

        Assert.Equal(HttpStatusCode.Created, post.StatusCode);
        var texts = (await developer.GetFromJsonAsync<JsonElement>("/api/scenes/sample/notes")).EnumerateArray().Select(n => n.GetProperty("text").GetString()).ToList();
        Assert.Contains(first, texts);
        Assert.Contains(second, texts);
    }

    /// <summary>The sample plugin is off on a new deployment; a developer switches it on (idempotent) and posts.</summary>
    private async Task<HttpClient> SampleEnabledAsync()
    {
        var developer = await fixture.Factory.ClientForAsync("developer");
        (await developer.PostAsync("/api/plugins/sample/enable", null)).EnsureSuccessStatusCode();
        return developer;
    }
}
