using System.Diagnostics;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.Testing;

namespace Platform.Host.Tests.Registers;

/// <summary>Imports are all or nothing: rows against each other, the same file twice, and broken files told plainly.</summary>
public sealed class ImportIntegrityTests(PlatformFixture fixture) : IClassFixture<PlatformFixture>
{
    private static string Square(string name, double w, double s, double size) => FormattableString.Invariant(
        $"{{\"type\":\"Feature\",\"properties\":{{\"name\":\"{name}\"}},\"geometry\":{{\"type\":\"Polygon\",\"coordinates\":[[[{w},{s}],[{w + size},{s}],[{w + size},{s + size}],[{w},{s + size}],[{w},{s}]]]}}}}");

    private static async Task<int> SitesAsync(HttpClient client) => (await client.GetFromJsonAsync<JsonElement>("/api/sites")).GetArrayLength();

    [Fact]
    public async Task TwoNewSitesOverlappingEachOther_AreRefusedWhole_AndNothingIsWritten()
    {
        var admin = await fixture.Factory.ClientForAsync("admin");
        // Two 0.0006° squares in a free part of 保水社区, the second shifted by half its size: they overlap each other
        // (about 30 m × 60 m), and neither overlaps a stored site.
        var file = $$"""{"type":"FeatureCollection","features":[{{Square("互相重叠甲", 104.1030, 30.3965, 0.0006)}},{{Square("互相重叠乙", 104.1033, 30.3965, 0.0006)}}]}""";
        var before = await SitesAsync(admin);

        var response = await admin.PostAsync("/api/imports/sites?format=geojson", new StringContent(file, Encoding.UTF8, "application/geo+json"));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var after = await SitesAsync(admin);

        Assert.Equal((HttpStatusCode)422, response.StatusCode);
        Assert.Equal(0, body.GetProperty("imported").GetInt32());
        var refused = Assert.Single(body.GetProperty("refused").EnumerateArray());
        Assert.Equal(2, refused.GetProperty("row").GetInt32());
        Assert.Equal("geometry", refused.GetProperty("field").GetString());
        Assert.Contains("第 1 行", refused.GetProperty("reasonZh").GetString());
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task TheSameFileTwice_IsRefusedTheSecondTime_NamingWhoImportedItAndWhen()
    {
        var admin = await fixture.Factory.ClientForAsync("admin");
        var csv = "name,category,lon,lat\n重复导入幼儿园,kindergarten,104.0621,30.4121\n";
        async Task<int> CountAsync() => (await admin.GetFromJsonAsync<JsonElement>("/api/facilities")).EnumerateArray()
            .Count(f => f.GetProperty("name").GetString() == "重复导入幼儿园");

        var first = await admin.PostAsync("/api/imports/facilities?format=csv", new StringContent(csv, Encoding.UTF8, "text/csv"));
        var second = await admin.PostAsync("/api/imports/facilities?format=csv", new StringContent(csv, Encoding.UTF8, "text/csv"));
        var problem = await second.Content.ReadFromJsonAsync<JsonElement>();
        var replace = await admin.PostAsync("/api/imports/facilities?format=csv&onDuplicate=replace", new StringContent(csv, Encoding.UTF8, "text/csv"));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        Assert.Equal("admin", problem.GetProperty("earlierImport").GetProperty("importedBy").GetString());
        Assert.Contains("admin", problem.GetProperty("detailZh").GetString());
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(csv))), problem.GetProperty("sha256").GetString());
        Assert.True((DateTimeOffset.UtcNow - problem.GetProperty("earlierImport").GetProperty("importedAt").GetDateTimeOffset()).Duration() < TimeSpan.FromHours(1));
        Assert.Equal(HttpStatusCode.BadRequest, replace.StatusCode);
        Assert.Equal(1, await CountAsync());
    }

    [Fact]
    public async Task TruncatedShp_InAValidZip_IsRefusedNamingThePartAndTheRecord_WithoutRuntimeInternals()
    {
        var admin = await fixture.Factory.ClientForAsync("admin");
        var folder = TestServer.CreateFolder("truncated-shp");
        var geojson = Path.Combine(folder, "in.geojson");
        await File.WriteAllTextAsync(geojson, $$"""{"type":"FeatureCollection","features":[{{Square("截断甲", 104.1030, 30.3965, 0.0003)}},{{Square("截断乙", 104.1040, 30.3965, 0.0003)}},{{Square("截断丙", 104.1050, 30.3965, 0.0003)}}]}""");
        Run("ogr2ogr", "-f", "ESRI Shapefile", Path.Combine(folder, "sites.shp"), geojson);
        var shp = await File.ReadAllBytesAsync(Path.Combine(folder, "sites.shp"));
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var part in new[] { "dbf", "shx", "prj" })
                archive.CreateEntryFromFile(Path.Combine(folder, $"sites.{part}"), $"sites.{part}");
            // The third record cut in half, as an interrupted upload or copy leaves it.
            await using var entry = archive.CreateEntry("sites.shp").Open();
            await entry.WriteAsync(shp.AsMemory(0, shp.Length - 40));
        }

        var response = await admin.PostAsync("/api/imports/sites?format=shapefile", new ByteArrayContent(zip.ToArray()));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("sites.shp is truncated or damaged (record 3).", problem.GetProperty("detail").GetString());
        Assert.Equal("文件 sites.shp 已截断或损坏（第 3 条记录）。", problem.GetProperty("detailZh").GetString());
        Assert.DoesNotContain("Exception", problem.GetRawText());
    }

    private static void Run(string program, params string[] arguments)
    {
        using var p = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardError = true }) ?? throw new InvalidOperationException(program);
        var error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, error);
    }
}
