using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Platform.Campaigns.Passes;
using Platform.Host.Tests.Support;

namespace Platform.Host.Tests.Campaigns;

/// <summary>Entrance QR passes (双色卡): the printed poster, a real QR reader, the public scan page, refusals and the purge.</summary>
[Collection(CampaignsCollection.Name)]
public sealed class PassTests(CampaignsHost host)
{
    [Fact]
    public async Task APrintedPoster_DecodedByZbarimg_LeadsToItsEntrance_AndAScanRecordsOneEntryInTheChosenCategory()
    {
        var admin = await host.As("admin");
        var entrances = (await (await admin.GetAsync("/api/passes/entrances")).JsonAsync(HttpStatusCode.OK)).EnumerateArray().ToList();
        var entrance = entrances.First(e => e.GetProperty("compound").GetString() == "北鑫苑" && e.GetProperty("name").GetString() == "2号出入口");
        var id = entrance.GetProperty("id").GetGuid();

        var png = await admin.GetAsync($"/api/passes/entrances/{id}/poster.png");
        Assert.Equal("image/png", png.Content.Headers.ContentType?.MediaType);
        var file = Path.Combine(Path.GetTempPath(), $"poster-{id}.png");
        await File.WriteAllBytesAsync(file, await png.Content.ReadAsByteArrayAsync());
        var decoded = Zbarimg(file);
        File.Delete(file);
        var url = new Uri(decoded);
        Assert.Equal("/passes/scan/", url.AbsolutePath[..13]);
        var code = url.AbsolutePath[13..];

        var pdf = await admin.GetAsync($"/api/passes/entrances/{id}/poster.pdf");
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Equal("%PDF-", System.Text.Encoding.ASCII.GetString((await pdf.Content.ReadAsByteArrayAsync())[..5]));

        // The page the code opens, and what it reads, name this entrance (and nobody).
        using var phone = host.Factory.CreateClient();
        var page = await phone.GetStringAsync(url.PathAndQuery);
        Assert.Contains("/passes/scan.js", page);
        var scan = await (await phone.GetAsync($"/api/passes/scan/{code}")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal("北鑫苑", scan.GetProperty("compound").GetString());
        Assert.Equal("2号出入口", scan.GetProperty("entrance").GetString());
        Assert.Equal(["green", "yellow"], scan.GetProperty("categories").EnumerateArray().Select(c => c.GetProperty("code").GetString()));

        var today = (await (await admin.GetAsync("/api/passes/counts")).JsonAsync(HttpStatusCode.OK)).EnumerateArray().Where(c => c.GetProperty("entranceId").GetGuid() == id).ToList();
        Assert.Empty(today);
        var receipt = await (await phone.PostAsJsonAsync($"/api/passes/scan/{code}/entries", new { category = "yellow", name = "测试访客", phone = "13800001234" })).JsonAsync(HttpStatusCode.Created);
        Assert.Equal("黄卡", receipt.GetProperty("categoryZh").GetString());
        Assert.DoesNotContain("13800001234", receipt.GetRawText());
        var counts = (await (await admin.GetAsync("/api/passes/counts")).JsonAsync(HttpStatusCode.OK)).EnumerateArray().Where(c => c.GetProperty("entranceId").GetGuid() == id).ToList();
        var only = Assert.Single(counts);
        Assert.Equal("yellow", only.GetProperty("category").GetString());
        Assert.Equal(1, only.GetProperty("count").GetInt32());

        // The pass number checks at the gate without the person; the log shows the person to staff of the compound's community only.
        var check = await (await phone.GetAsync($"/api/passes/check/{receipt.GetProperty("passNo").GetString()}")).JsonAsync(HttpStatusCode.OK);
        Assert.True(check.GetProperty("today").GetBoolean());
        Assert.DoesNotContain("测试访客", check.GetRawText());
        var log = (await (await admin.GetAsync($"/api/passes/entrances/{id}/entries")).JsonAsync(HttpStatusCode.OK)).EnumerateArray().ToList();
        Assert.Equal("测试访客", Assert.Single(log).GetProperty("name").GetString());
        var planner = await host.As("planner");
        var seen = (await (await planner.GetAsync($"/api/passes/entrances/{id}/entries")).JsonAsync(HttpStatusCode.OK)).EnumerateArray().ToList();
        Assert.Equal(JsonValueKind.Null, Assert.Single(seen).GetProperty("name").ValueKind);
    }

    [Fact]
    public async Task AnUnknownCode_Is404_ARevokedOne409_AndTheNewPosterWorks()
    {
        var admin = await host.As("admin");
        using var phone = host.Factory.CreateClient();
        await (await phone.GetAsync("/api/passes/scan/0000000000deadbeef00")).ProblemAsync(HttpStatusCode.NotFound, "code");
        await (await phone.PostAsJsonAsync("/api/passes/scan/0000000000deadbeef00/entries", new { category = "green", name = "张三", phone = "13800001111" }))
            .ProblemAsync(HttpStatusCode.NotFound, "code");

        var entrance = (await (await admin.GetAsync("/api/passes/entrances")).JsonAsync(HttpStatusCode.OK)).EnumerateArray()
            .First(e => e.GetProperty("compound").GetString() == "鹿溪河畔");
        var id = entrance.GetProperty("id").GetGuid();
        var old = entrance.GetProperty("scanUrl").GetString()!.Split('/')[^1];
        await (await admin.PostAsJsonAsync($"/api/passes/entrances/{id}/revoke", new { reason = "海报被撕毁" })).JsonAsync(HttpStatusCode.OK);
        await (await phone.PostAsJsonAsync($"/api/passes/scan/{old}/entries", new { category = "green", name = "张三", phone = "13800001111" }))
            .ProblemAsync(HttpStatusCode.Conflict, "code");
        var fresh = (await (await admin.GetAsync($"/api/passes/entrances?compoundId={entrance.GetProperty("compoundId").GetGuid()}")).JsonAsync(HttpStatusCode.OK)).EnumerateArray()
            .Single(e => e.GetProperty("id").GetGuid() == id).GetProperty("scanUrl").GetString()!.Split('/')[^1];
        Assert.NotEqual(old, fresh);
        await (await phone.PostAsJsonAsync($"/api/passes/scan/{fresh}/entries", new { category = "blue", name = "张三", phone = "13800001111" }))
            .ProblemAsync(HttpStatusCode.BadRequest, "category");
        await (await phone.PostAsJsonAsync($"/api/passes/scan/{fresh}/entries", new { category = "green", name = "张三", phone = "12345" }))
            .ProblemAsync(HttpStatusCode.BadRequest, "phone");
        await (await phone.PostAsJsonAsync($"/api/passes/scan/{fresh}/entries", new { category = "green", name = "张三", phone = "13800001111" })).JsonAsync(HttpStatusCode.Created);
    }

    /// <summary>
    /// The scan is the one write anyone may make without signing in: a script on one address is refused with 429 and
    /// Retry-After once it passes the per-minute allowance (30 by default), while a resident on another address still gets in.
    /// </summary>
    [Fact]
    public async Task AnonymousEntries_FromOneAddress_AreRateLimited_AndOtherAddressesAreNot()
    {
        var admin = await host.As("admin");
        var code = (await (await admin.GetAsync("/api/passes/entrances")).JsonAsync(HttpStatusCode.OK)).EnumerateArray()
            .First(e => e.GetProperty("compound").GetString() == "北鑫苑").GetProperty("scanUrl").GetString()!.Split('/')[^1];
        HttpClient From(string address) => new(host.Factory.Server.CreateHandler(c => c.Connection.RemoteIpAddress = IPAddress.Parse(address)))
        {
            BaseAddress = host.Factory.Server.BaseAddress,
        };
        using var script = From("198.51.100.7");
        var statuses = new List<HttpResponseMessage>();
        for (var i = 0; i < 35; i++)
            statuses.Add(await script.PostAsJsonAsync($"/api/passes/scan/{code}/entries", new { category = "green", name = "脚本" + i, phone = "13800002222" }));
        Assert.Equal(30, statuses.Count(r => r.StatusCode == HttpStatusCode.Created));
        var refused = statuses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.Equal(5, refused.Count);
        Assert.NotNull(refused[0].Headers.RetryAfter);
        await refused[0].ProblemAsync(HttpStatusCode.TooManyRequests, "rate");
        using var resident = From("198.51.100.8");
        await (await resident.PostAsJsonAsync($"/api/passes/scan/{code}/entries", new { category = "green", name = "居民", phone = "13800003333" })).JsonAsync(HttpStatusCode.Created);
    }

    [Fact]
    public async Task ThePurge_RemovesEntryRecordsOlderThanTheRetentionPeriod_AndNothingNewer()
    {
        var store = host.Factory.Services.GetRequiredService<IDocumentStore>();
        var purge = host.Factory.Services.GetRequiredService<EntryRecordPurge>();
        Assert.Equal(TimeSpan.FromDays(28), purge.Retention);
        var now = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);
        var entrance = Guid.NewGuid();
        // 28 days and one minute old, 27 days 23 h 59 min old, one day old.
        var ages = new[] { TimeSpan.FromDays(28) + TimeSpan.FromMinutes(1), TimeSpan.FromDays(28) - TimeSpan.FromMinutes(1), TimeSpan.FromDays(1) };
        var ids = ages.Select(_ => Guid.NewGuid()).ToArray();
        await using (var session = store.LightweightSession())
        {
            for (var i = 0; i < ages.Length; i++)
                session.Store(new EntryRecord { Id = ids[i], EntranceId = entrance, Category = "green", PassNo = $"PURGE00{i}", Name = "过期测试", Phone = "13900000000", At = now - ages[i] });
            await session.SaveChangesAsync();
        }
        host.Clock.Now = now;
        try
        {
            await purge.PurgeAsync();
        }
        finally
        {
            host.Clock.Now = null;
        }
        await using var query = store.QuerySession();
        var left = (await query.Query<EntryRecord>().Where(e => e.EntranceId == entrance).ToListAsync()).Select(e => e.Id).ToHashSet();
        Assert.Equal(new HashSet<Guid> { ids[1], ids[2] }, left);
    }

    [Fact]
    public async Task TheShareOfCompoundsWithEntrances_IsComputed_NotAssumed()
    {
        var admin = await host.As("admin");
        var before = await (await admin.GetAsync("/api/passes/coverage")).JsonAsync(HttpStatusCode.OK);
        var compounds = before.GetProperty("compounds").GetInt32();
        var with = before.GetProperty("withEntrances").GetInt32();
        // A compound registered without entrances lowers the share by one compound.
        var created = await admin.PostAsJsonAsync("/api/compounds", new
        {
            name = "无出入口测试小区", kind = "commercial", households = 10, since = "2026-01-01",
            geometry = new { type = "Polygon", coordinates = new[] { new[] { new[] { 104.0700, 30.3950 }, new[] { 104.0710, 30.3950 }, new[] { 104.0710, 30.3958 }, new[] { 104.0700, 30.3958 }, new[] { 104.0700, 30.3950 } } } },
        });
        await created.JsonAsync(HttpStatusCode.Created);
        var after = await (await admin.GetAsync("/api/passes/coverage")).JsonAsync(HttpStatusCode.OK);
        Assert.Equal(compounds + 1, after.GetProperty("compounds").GetInt32());
        Assert.Equal(with, after.GetProperty("withEntrances").GetInt32());
        Assert.Equal(Math.Round((double)with / (compounds + 1), 4), after.GetProperty("share").GetDouble());
        Assert.Contains("无出入口测试小区", after.GetProperty("withoutEntrancesZh").EnumerateArray().Select(x => x.GetString()));
    }

    private static string Zbarimg(string file)
    {
        using var process = Process.Start(new ProcessStartInfo("zbarimg", ["--raw", "-q", file]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = process.StandardOutput.ReadToEnd().Trim();
        process.WaitForExit(30_000);
        Assert.True(process.ExitCode == 0, $"zbarimg found no code ({process.ExitCode}): {process.StandardError.ReadToEnd()}");
        return output;
    }
}
