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
        // Operations are grouped by the area they belong to, not by the assembly that mapped them.
        Assert.Equal("点位 · Sites", paths.GetProperty("/api/sites").GetProperty("post").GetProperty("tags")[0].GetString());
        Assert.Equal("场景 · Scene: ecological", paths.GetProperty("/api/scenes/ecological/gardens").GetProperty("get").GetProperty("tags")[0].GetString());
        Assert.DoesNotContain(document.GetProperty("tags").EnumerateArray(), t => t.GetProperty("name").GetString() == "Platform.Host");
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

    /// <summary>
    /// Every operation of /openapi/v1.json says what it answers (a schema for its success), apart from the few that answer
    /// nothing (a logout); and what the demo's GET operations really answer, called as an administrator with the demo's
    /// ids, fits the schema they declare — a property answered but not described fails the test, so the description
    /// cannot drift from the code.
    /// </summary>
    [Fact]
    public async Task OpenApi_DescribesEveryAnswer_AndTheRealAnswersFitTheirSchemas()
    {
        var admin = await fixture.Factory.ClientForAsync("admin");
        var text = await admin.GetStringAsync("/openapi/v1.json");
        using var parsed = JsonDocument.Parse(text);
        var document = parsed.RootElement;
        var check = new OpenApi.SchemaCheck(document);
        string[] methods = ["get", "put", "post", "delete", "patch"];
        // Operations that answer no body on success.
        string[] bodiless = ["POST /api/auth/logout", "POST /api/auth/password"];
        // Every area is described now; an area whose answers are not yet described would be listed here by prefix.
        string[] pending = [];

        var operations = document.GetProperty("paths").EnumerateObject()
            .SelectMany(p => p.Value.EnumerateObject().Where(o => methods.Contains(o.Name)).Select(o => (Path: p.Name, Method: o.Name, Operation: o.Value)))
            .ToList();
        Assert.True(operations.Count > 100, $"only {operations.Count} operations");
        static JsonElement? Success(JsonElement operation) => operation.GetProperty("responses").EnumerateObject()
            .Where(r => r.Name.StartsWith('2') && r.Value.TryGetProperty("content", out var c) && c.EnumerateObject().Any(m => m.Value.TryGetProperty("schema", out _)))
            .Select(r => (JsonElement?)r.Value).FirstOrDefault();
        var undescribed = operations.Where(o => Success(o.Operation) is null && !bodiless.Contains($"{o.Method.ToUpperInvariant()} {o.Path}")
                && !pending.Any(p => o.Path.StartsWith(p, StringComparison.Ordinal)))
            .Select(o => $"{o.Method.ToUpperInvariant()} {o.Path}").ToList();
        Assert.True(undescribed.Count == 0, "operations without a described answer: " + string.Join(", ", undescribed));
        Assert.DoesNotContain(operations, o => o.Path.StartsWith("/assets", StringComparison.Ordinal) || o.Path.EndsWith(".html", StringComparison.Ordinal));

        // A record's id comes from the list it is in: /api/sites/{id} takes the ids /api/sites answers.
        var gets = operations.Where(o => o.Method == "get").ToList();
        var lists = new Dictionary<string, List<string>>();
        async Task<List<string>> IdsInAsync(string list)
        {
            if (!lists.TryGetValue(list, out var found))
            {
                var body = await (await admin.GetAsync(list)).Content.ReadAsStringAsync();
                lists[list] = found = [.. System.Text.RegularExpressions.Regex.Matches(body, "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
                    .Select(m => m.Value).Distinct().Take(5)];
            }
            return found;
        }
        var fits = new HashSet<string>();
        var problems = new List<string>();
        foreach (var (path, _, operation) in gets)
        {
            if (Success(operation) is not { } success)
                continue;
            var schemaOf = success.GetProperty("content").EnumerateObject().FirstOrDefault(m => m.Name.Contains("json", StringComparison.Ordinal));
            if (schemaOf.Value.ValueKind != JsonValueKind.Object || !path.StartsWith("/api/", StringComparison.Ordinal))
                continue;
            var schema = schemaOf.Value.GetProperty("schema");
            var parameters = System.Text.RegularExpressions.Regex.Matches(path, "\\{[^}]+\\}");
            var urls = parameters.Count == 0 ? [path]
                : parameters.Count == 1 && (path.Contains("{id}") || path.Contains("Id}"))
                    ? (await IdsInAsync(path[..path.IndexOf("/{", StringComparison.Ordinal)])).Select(id => path.Replace(parameters[0].Value, id)).ToList()
                    : [];
            foreach (var url in urls)
            {
                var response = await admin.GetAsync(url);
                if (response.StatusCode != HttpStatusCode.OK || response.Content.Headers.ContentType?.MediaType?.Contains("json") != true)
                    continue;
                using var answer = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
                var found = check.Problems(schema, answer.RootElement);
                if (found.Count == 0)
                    fits.Add(path);
                problems.AddRange(found.Select(f => $"GET {url}: {f}"));
                break;
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(30)));
        foreach (var path in new[] { "/api/sites", "/api/sites/{id}", "/api/compounds/{id}", "/api/facilities", "/api/jurisdiction/units/{id}",
            "/api/reports/templates", "/api/scenes/ecological/gardens/{gardenId}", "/api/scenes/ecological/gardens/{gardenId}/plots", "/api/web",
            "/api/linkage/projects", "/api/linkage/projects/{id}", "/api/linkage/projects/{id}/history", "/api/linkage/board", "/api/linkage/centres", "/api/linkage/titles" })
            Assert.True(fits.Contains(path), $"{path} was not checked against its schema (checked: {string.Join(", ", fits.Order())})");
        Assert.True(fits.Count >= 30, $"only {fits.Count} answers checked: {string.Join(", ", fits.Order())}");
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
