using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Testing;

namespace Platform.Host.Tests.Security;

/// <summary>An edit based on a version that is no longer current is refused (409 for the body's version, 412 for If-Match), never applied over the newer one.</summary>
[Collection(SecurityCollection.Name)]
public sealed class ConcurrencyTests(PlatformFixture fixture)
{
    [Fact]
    public async Task StaleEdits_AreRefused_AndOfManyConcurrentEditsOnTheSameVersionExactlyOneWins()
    {
        var admin = await fixture.Factory.ClientForAsync("admin");
        var site = (await admin.GetFromJsonAsync<JsonElement>("/api/sites")).EnumerateArray().First(s => s.GetProperty("status").GetString() != "cancelled");
        var id = site.GetProperty("id").GetGuid();
        var url = $"/api/sites/{id}";
        var read = await admin.GetAsync(url);
        var version = (await read.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt64();
        Assert.Equal($"\"{version}\"", read.Headers.ETag?.Tag);
        object Body(long v, string owner) => new { name = site.GetProperty("name").GetString(), category = site.GetProperty("category").GetString(), owner, version = v, reason = "并发测试" };

        var first = await admin.PutAsJsonAsync(url, Body(version, "甲"));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var next = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("version").GetInt64();
        Assert.Equal(version + 1, next);

        // The same edit based on the version read before: refused, nothing written.
        var stale = await admin.PutAsJsonAsync(url, Body(version, "乙"));
        await stale.ShouldBeProblemAsync(HttpStatusCode.Conflict, "version", "已被修改");
        var withIfMatch = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(new { name = site.GetProperty("name").GetString(), category = site.GetProperty("category").GetString(), owner = "丙" }) };
        withIfMatch.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{version}\""));
        await (await admin.SendAsync(withIfMatch)).ShouldBeProblemAsync(HttpStatusCode.PreconditionFailed, "version");
        var status = await admin.PostAsJsonAsync($"{url}/status", new { status = "cancelled", reason = "过期的版本", version });
        await status.ShouldBeProblemAsync(HttpStatusCode.Conflict, "version");
        var now = await admin.GetAsync(url);
        Assert.Equal($"\"{next}\"", now.Headers.ETag?.Tag);
        var current = await now.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("甲", current.GetProperty("owner").GetString());
        Assert.NotEqual("cancelled", current.GetProperty("status").GetString());

        // Twenty editors who all read version `next`: one wins, nineteen are told to reload.
        var results = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => admin.PutAsJsonAsync(url, Body(next, $"编辑{i}"))));
        Assert.Equal(1, results.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(19, results.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(next + 1, (await admin.GetFromJsonAsync<JsonElement>(url)).GetProperty("version").GetInt64());

        // An edit stating no version is still accepted (clients that do not track versions).
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync(url, new { name = site.GetProperty("name").GetString(), category = site.GetProperty("category").GetString(), owner = site.GetProperty("owner").GetString(), reason = "恢复" })).StatusCode);
    }
}
