using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;

namespace Platform.Host.Tests.Registers;

/// <summary>One demo host for the registers' edit tests; each test draws in a free spot of its own (保水社区, east of the lake).</summary>
[CollectionDefinition(Name)]
public sealed class RegisterEditCollection : ICollectionFixture<PlatformFixture>
{
    public const string Name = "register-edits";
}

/// <summary>
/// Revising, moving and retiring records of every register over HTTP: versions as ETags, If-Match required (428) and
/// compared (412), the creation rules applied to every edit, nothing written by a refusal, retired records gone from
/// lists and layers but kept in their history.
/// </summary>
[Collection(RegisterEditCollection.Name)]
public sealed class RegisterEditTests(PlatformFixture fixture)
{
    private static int _slot;

    /// <summary>The south-west corner of a free 0.004° × 0.002° block in 保水社区 (no demo compound there), one per call.</summary>
    private static (double W, double S) FreeBlock()
    {
        var i = Interlocked.Increment(ref _slot);
        return (104.1030 + i % 2 * 0.0042, 30.3965 + i / 2 * 0.0022);
    }

    private static object Square(double w, double s, double size) => new
    {
        type = "Polygon",
        coordinates = new[] { new[] { new[] { w, s }, new[] { w + size, s }, new[] { w + size, s + size }, new[] { w, s + size }, new[] { w, s } } },
    };

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, HttpMethod method, string url, object body, string? ifMatch)
    {
        using var request = new HttpRequestMessage(method, url) { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return await client.SendAsync(request);
    }

    private static async Task<Guid> CreateAsync(HttpClient admin, string url, object body)
    {
        var created = await admin.PostAsJsonAsync(url, body);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<(JsonElement Body, string? ETag)> GetAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>(), response.Headers.ETag?.Tag);
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Compound_RevisionNeedsIfMatch_AStaleOneIs412_AndNeitherWritesAnything()
    {
        var admin = await fixture.Factory.ClientForAsync("admin");
        var (w, s) = FreeBlock();
        var id = await CreateAsync(admin, "/api/compounds", new { name = "版本测试小区", kind = "commercial", households = 120, geometry = Square(w, s, 0.001) });
        var url = $"/api/compounds/{id}";

        var (_, etag) = await GetAsync(admin, url);
        var missing = await SendAsync(admin, HttpMethod.Patch, url, new { name = "无版本" }, null);
        var revised = await SendAsync(admin, HttpMethod.Patch, url, new { name = "版本测试小区（更名）", households = 300, kind = "resettlement" }, "\"1\"");
        var stale = await SendAsync(admin, HttpMethod.Patch, url, new { name = "过期修改" }, "\"1\"");
        var (after, etagAfter) = await GetAsync(admin, url);

        // Registered with no buildings: one event, version 1; the revision is the second.
        Assert.Equal("\"1\"", etag);
        Assert.Equal((HttpStatusCode)428, missing.StatusCode);
        Assert.Equal("If-Match", (await ProblemAsync(missing)).GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.OK, revised.StatusCode);
        Assert.Equal(2, (await revised.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt64());
        Assert.Equal(HttpStatusCode.PreconditionFailed, stale.StatusCode);
        var problem = await ProblemAsync(stale);
        Assert.Equal("version", problem.GetProperty("field").GetString());
        Assert.Contains("已被修改", problem.GetProperty("detailZh").GetString());
        Assert.Equal("\"2\"", etagAfter);
        Assert.Equal("版本测试小区（更名）", after.GetProperty("name").GetString());
        Assert.Equal(300, after.GetProperty("households").GetInt32());
        Assert.Equal("安置小区", after.GetProperty("kindZh").GetString());
    }

    [Fact]
    public async Task Compound_MovedOverAnother_Is409WithTheOverlap_AndKeepsItsBoundary()
    {
        var admin = await fixture.Factory.ClientForAsync("admin");
        var (w, s) = FreeBlock();
        await CreateAsync(admin, "/api/compounds", new { name = "重叠甲小区", kind = "commercial", households = 100, geometry = Square(w + 0.0010, s, 0.001) });
        var b = await CreateAsync(admin, "/api/compounds", new { name = "重叠乙小区", kind = "commercial", households = 100, geometry = Square(w + 0.0025, s, 0.001) });

        // Half a square over 甲: 0.0005° of longitude × 0.001° of latitude.
        var moved = await SendAsync(admin, HttpMethod.Put, $"/api/compounds/{b}/geometry", new { geometry = Square(w + 0.0015, s, 0.001), reason = "测试" }, "\"1\"");
        var (after, etag) = await GetAsync(admin, $"/api/compounds/{b}");
        var fine = await SendAsync(admin, HttpMethod.Put, $"/api/compounds/{b}/geometry", new { geometry = Square(w + 0.0021, s, 0.0012) }, "\"1\"");

        Assert.Equal(HttpStatusCode.Conflict, moved.StatusCode);
        var problem = await ProblemAsync(moved);
        Assert.Equal("geometry", problem.GetProperty("field").GetString());
        Assert.Contains("重叠甲小区", problem.GetProperty("detailZh").GetString());
        // PROJ (cs2cs EPSG:4490 → EPSG:4544, shoelace) gives 5 327.7 m² for this overlap at 30.397°N, 104.1045–104.1050°E
        // (the first block); each block differs by at most a few m² at these latitudes.
        Assert.InRange(problem.GetProperty("areaSquareMetres").GetDouble(), 5290, 5340);
        Assert.Equal(2, problem.GetProperty("location").GetArrayLength());
        Assert.Equal("\"1\"", etag);
        Assert.Equal(w + 0.0025, after.GetProperty("geometry").GetProperty("coordinates")[0][0][0].GetDouble(), 9);
        Assert.Equal(HttpStatusCode.OK, fine.StatusCode);
    }

    [Fact]
    public async Task Compound_MovedOutOfTheStreet_IsRefusedNamingTheGeometry()
    {
        var admin = await fixture.Factory.ClientForAsync("admin");
        var (w, s) = FreeBlock();
        var id = await CreateAsync(admin, "/api/compounds", new { name = "越界测试小区", kind = "talent", households = 50, geometry = Square(w, s, 0.001) });

        // 104.30°E is about 20 km east of the street, far beyond the 2 km margin.
        var moved = await SendAsync(admin, HttpMethod.Put, $"/api/compounds/{id}/geometry", new { geometry = Square(104.30, 30.40, 0.001) }, "\"1\"");
        var (after, etag) = await GetAsync(admin, $"/api/compounds/{id}");

        Assert.Equal(HttpStatusCode.Conflict, moved.StatusCode);
        var problem = await ProblemAsync(moved);
        Assert.Equal("geometry", problem.GetProperty("field").GetString());
        Assert.True(problem.GetProperty("distanceMetres").GetDouble() > 15_000);
        Assert.Equal("\"1\"", etag);
        Assert.Equal(w, after.GetProperty("geometry").GetProperty("coordinates")[0][0][0].GetDouble(), 9);
    }

    [Fact]
    public async Task Compound_Retired_LeavesTheListAndTheLayers_ButItsHistoryNamesWhoDidWhatAndWhy()
    {
        var admin = await fixture.Factory.ClientForAsync("admin");
        var anonymous = fixture.Factory.CreateClient();
        var (w, s) = FreeBlock();
        var id = await CreateAsync(admin, "/api/compounds", new { name = "注销测试小区", kind = "village", households = 30, geometry = Square(w, s, 0.001) });
        var bbox = string.Create(CultureInfo.InvariantCulture, $"{w - 0.0005},{s - 0.0005},{w + 0.0015},{s + 0.0015}");
        var itemsBefore = await anonymous.GetStringAsync($"/ogc/collections/registers-compounds/items?bbox={bbox}");

        var noReason = await SendAsync(admin, HttpMethod.Post, $"/api/compounds/{id}/retire", new { reason = " " }, "\"1\"");
        var renamed = await SendAsync(admin, HttpMethod.Patch, $"/api/compounds/{id}", new { name = "注销测试小区二", reason = "名称有误" }, "\"1\"");
        var retired = await SendAsync(admin, HttpMethod.Post, $"/api/compounds/{id}/retire", new { reason = "重复登记" }, "\"2\"");
        var again = await SendAsync(admin, HttpMethod.Patch, $"/api/compounds/{id}", new { name = "注销后修改" }, "\"3\"");

        var list = await anonymous.GetStringAsync("/api/compounds");
        var items = await anonymous.GetStringAsync($"/ogc/collections/registers-compounds/items?bbox={bbox}");
        var export = await admin.GetStringAsync("/api/maps/export?layer=registers-compounds&format=geojson");
        var history = await admin.GetFromJsonAsync<JsonElement>($"/api/compounds/{id}/history");
        var (record, _) = await GetAsync(admin, $"/api/compounds/{id}");
        var beforeItExisted = await admin.GetAsync($"/api/compounds/{id}?asOf={DateTime.Today.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}");

        Assert.Contains(id.ToString(), itemsBefore);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        Assert.Equal("reason", (await ProblemAsync(noReason)).GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retired.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.DoesNotContain(id.ToString(), list);
        Assert.DoesNotContain(id.ToString(), items);
        Assert.DoesNotContain(id.ToString(), export);
        Assert.Equal("重复登记", record.GetProperty("retiredReason").GetString());
        Assert.Equal(HttpStatusCode.NotFound, beforeItExisted.StatusCode);
        var entries = history.EnumerateArray().ToList();
        Assert.Equal(["registers.compound_registered", "registers.compound_details_revised", "registers.compound_retired"], entries.Select(e => e.GetProperty("type").GetString()!).ToArray());
        Assert.All(entries, e => Assert.Equal("admin", e.GetProperty("user").GetString()));
        Assert.Equal("名称有误", entries[1].GetProperty("reason").GetString());
        Assert.Equal("注销测试小区二", entries[1].GetProperty("changes").GetProperty("name").GetString());
        Assert.Equal("重复登记", entries[2].GetProperty("reason").GetString());
    }

    public static TheoryData<string, string, string, string> Registers => new()
    {
        // register, what to create (JSON with {w} {s} for the block), the details to revise, the new geometry
        { "/api/facilities", """{"name":"编辑测试幼儿园","category":"kindergarten","geometry":{"type":"Point","coordinates":[{w},{s}]}}""",
            """{"name":"编辑测试幼儿园（新）","category":"nursery"}""", """{"type":"Point","coordinates":[{w2},{s}]}""" },
        { "/api/service-hubs", """{"name":"编辑测试综合体","geometry":{"type":"Point","coordinates":[{w},{s}]},"servedCompoundIds":[],"spaces":[{"name":"健身房","category":"gym","areaSquareMetres":120}]}""",
            """{"name":"编辑测试综合体（新）"}""", """{"type":"Point","coordinates":[{w2},{s}]}""" },
        { "/api/planning-zones", """{"name":"编辑测试组团","kind":"cluster","theme":"测试","description":"","geometry":{"type":"Polygon","coordinates":[[[{w},{s}],[{w2},{s}],[{w2},{n}],[{w},{n}],[{w},{s}]]]}}""",
            """{"name":"编辑测试组团（新）","kind":"belt"}""", """{"type":"Polygon","coordinates":[[[{w},{s}],[{w3},{s}],[{w3},{n}],[{w},{n}],[{w},{s}]]]}""" },
        { "/api/base-features", """{"name":"编辑测试路","kind":"road","class":"local","geometry":{"type":"LineString","coordinates":[[{w},{s}],[{w2},{s}]]}}""",
            """{"name":"编辑测试大道","class":"main"}""", """{"type":"LineString","coordinates":[[{w},{s}],[{w3},{n}]]}""" },
        { "/api/base-features", """{"name":"编辑测试池塘","kind":"water","geometry":{"type":"Polygon","coordinates":[[[{w},{s}],[{w2},{s}],[{w2},{n}],[{w},{n}],[{w},{s}]]]}}""",
            """{"name":"编辑测试湖"}""", """{"type":"Polygon","coordinates":[[[{w},{s}],[{w3},{s}],[{w3},{n}],[{w},{n}],[{w},{s}]]]}""" },
    };

    [Theory]
    [MemberData(nameof(Registers))]
    public async Task EveryRegister_IsRevisedMovedAndRetired_WithEachChangeInItsHistory(string register, string create, string details, string geometry)
    {
        var admin = await fixture.Factory.ClientForAsync("admin");
        var (w, s) = FreeBlock();
        static string N(double x) => x.ToString("R", CultureInfo.InvariantCulture);
        string Fill(string json) => json.Replace("{w}", N(w + 0.0005), StringComparison.Ordinal).Replace("{w2}", N(w + 0.0010), StringComparison.Ordinal)
            .Replace("{w3}", N(w + 0.0015), StringComparison.Ordinal).Replace("{s}", N(s + 0.0005), StringComparison.Ordinal).Replace("{n}", N(s + 0.0010), StringComparison.Ordinal);
        var id = await CreateAsync(admin, register, JsonDocument.Parse(Fill(create)).RootElement);
        var url = $"{register}/{id}";
        var (created, etag) = await GetAsync(admin, url);
        var expected = JsonDocument.Parse(details).RootElement;

        var invalid = await SendAsync(admin, HttpMethod.Patch, url, new { name = "" }, etag);
        var revised = await SendAsync(admin, HttpMethod.Patch, url, expected, etag);
        var (afterRevision, etag2) = await GetAsync(admin, url);
        var moved = await SendAsync(admin, HttpMethod.Put, $"{url}/geometry", new { geometry = JsonDocument.Parse(Fill(geometry)).RootElement }, etag2);
        var (afterMove, etag3) = await GetAsync(admin, url);
        var retired = await SendAsync(admin, HttpMethod.Post, $"{url}/retire", new { reason = "测试注销" }, etag3);
        var list = await admin.GetStringAsync(register);
        var history = (await admin.GetFromJsonAsync<JsonElement>($"{url}/history")).EnumerateArray().ToList();

        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Equal("name", (await ProblemAsync(invalid)).GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.OK, revised.StatusCode);
        Assert.NotEqual(etag, etag2);
        foreach (var p in expected.EnumerateObject())
            Assert.Equal(p.Value.GetString(), afterRevision.GetProperty(p.Name).GetString());
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.NotEqual(created.GetProperty("geometry").GetRawText(), afterMove.GetProperty("geometry").GetRawText());
        Assert.Equal(HttpStatusCode.OK, retired.StatusCode);
        Assert.DoesNotContain(id.ToString(), list);
        Assert.Equal(4, history.Count);
        Assert.All(history, e => Assert.Equal("admin", e.GetProperty("user").GetString()));
        Assert.Equal("测试注销", history[3].GetProperty("reason").GetString());
        if (register == "/api/service-hubs")
        {
            // The hub's function space is a facility at the hub: it moved with it and was retired with it.
            var facilities = await admin.GetStringAsync("/api/facilities");
            Assert.DoesNotContain("编辑测试综合体", facilities);
        }
    }

    [Fact]
    public async Task ServiceHub_Moved_TakesItsFunctionSpacesAlong()
    {
        var admin = await fixture.Factory.ClientForAsync("admin");
        var (w, s) = FreeBlock();
        var id = await CreateAsync(admin, "/api/service-hubs", new
        {
            name = "移动测试综合体", geometry = new { type = "Point", coordinates = new[] { w + 0.0005, s + 0.0005 } }, servedCompoundIds = Array.Empty<Guid>(),
            spaces = new[] { new { name = "托育", category = "nursery", areaSquareMetres = 200.0 } },
        });

        var moved = await SendAsync(admin, HttpMethod.Put, $"/api/service-hubs/{id}/geometry", new { geometry = new { type = "Point", coordinates = new[] { w + 0.0015, s + 0.0010 } } }, "\"1\"");
        var space = (await admin.GetFromJsonAsync<JsonElement>("/api/facilities")).EnumerateArray().Single(f => f.GetProperty("name").GetString() == "移动测试综合体·托育");

        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(w + 0.0015, space.GetProperty("location")[0].GetDouble(), 9);
        Assert.Equal(s + 0.0010, space.GetProperty("location")[1].GetDouble(), 9);
    }
}
