using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Platform.Testing;

namespace Platform.Host.Tests.Jurisdiction;

/// <summary>
/// What the restructuring wizard relies on: <c>?preview=true</c> runs a merge, a transfer or a group merge through the
/// register's checks and answers the new boundaries without writing anything; decision papers are uploaded, judged by their
/// bytes, and cited by id, the decision recording the paper's SHA-256.
/// </summary>
public sealed class RestructuringPreviewTests(EmptyPlatformFixture fixture) : IClassFixture<EmptyPlatformFixture>
{
    private static int _band;

    private async Task<(HttpClient Admin, TestJurisdiction J)> ArrangeAsync()
    {
        var admin = await fixture.Factory.ClientForAsync("admin");
        var x = 104.30 + 0.1 * Interlocked.Increment(ref _band);
        return (admin, await TestJurisdiction.BuildAsync(admin, x));
    }

    [Fact]
    public async Task PreviewOfAMerge_AnswersTheUnionOfTheBoundaries_AndWritesNothing()
    {
        var (admin, j) = await ArrangeAsync();

        var response = await admin.PostAsJsonAsync("/api/jurisdiction/merges?preview=true",
            new { absorbedIds = new[] { j.V1, j.V2 }, successorId = j.A, decision = TestJurisdiction.Decision("2020-06-30", "撤村并村") });
        var preview = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(preview.GetProperty("preview").GetBoolean());
        var units = preview.GetProperty("units").EnumerateArray().ToList();
        var successor = Assert.Single(units, u => u.GetProperty("change").GetString() == "absorbed");
        Assert.Equal(j.A, successor.GetProperty("id").GetGuid());
        // A (0.02°) + V1 (0.01°) + V2 (0.01°) side by side: [x, x + 0.04] × [30.50, 30.52], its area by PROJ and the shoelace.
        var expected = GaussKrugerArea([(j.X, 30.50), (j.X + 0.04, 30.50), (j.X + 0.04, 30.52), (j.X, 30.52)]);
        Assert.Equal(expected, successor.GetProperty("areaSquareMetres").GetDouble(), expected * 0.001);
        Assert.Equal(expected, GaussKrugerArea(OuterRing(successor.GetProperty("geometry"))), expected * 0.001);
        Assert.Equal(new[] { j.V1, j.V2 }.Order(), units.Where(u => u.GetProperty("change").GetString() == "abolished").Select(u => u.GetProperty("id").GetGuid()).Order());
        Assert.Equal(new[] { j.G1, j.G2 }.Order(), units.Where(u => u.GetProperty("change").GetString() == "reparented").Select(u => u.GetProperty("id").GetGuid()).Order());

        var villages = await admin.GetFromJsonAsync<JsonElement>("/api/jurisdiction/units?asOf=2020-07-01&level=village");
        Assert.Contains(villages.GetProperty("features").EnumerateArray(), f => f.GetProperty("properties").GetProperty("id").GetGuid() == j.V1);
        var history = await admin.GetFromJsonAsync<JsonElement>($"/api/jurisdiction/units/{j.A}/history");
        Assert.DoesNotContain(history.EnumerateArray(), e => e.GetProperty("type").GetString() == "jurisdiction.units_absorbed");
    }

    [Fact]
    public async Task PreviewOfAFailingVote_AnswersTheQuorumRule_AndPutsNoMeetingOnRecord()
    {
        var (admin, j) = await ArrangeAsync();

        // 60 of 100 households (< 2/3) and 60 of 300 adults (< 1/2): not quorate.
        var response = await admin.PostAsJsonAsync("/api/jurisdiction/group-merges?preview=true", new
        {
            groupIds = new[] { j.G2 }, successorId = j.G1,
            vote = new { eligibleHouseholds = 100, adultVillagers = 300, present = 60, adultsPresent = 60, householdsRepresented = 60, votesFor = 58, votesAgainst = 2 },
            decision = TestJurisdiction.Decision("2021-03-01", "小组合并"),
        });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("vote", problem.GetProperty("field").GetString());
        Assert.Contains("未达法定人数", problem.GetProperty("detailZh").GetString());
        var history = await admin.GetFromJsonAsync<JsonElement>($"/api/jurisdiction/units/{j.G1}/history");
        Assert.DoesNotContain(history.EnumerateArray(), e => e.GetProperty("type").GetString() == "jurisdiction.household_vote_held");
    }

    [Fact]
    public async Task PreviewOfATransfer_OutsideTheGivingUnit_IsRefusedLikeTheCommand()
    {
        var (admin, j) = await ArrangeAsync();

        // A box of V3 (x + 0.04 …) said to leave V1 (x + 0.02 … x + 0.03): entirely outside it.
        var response = await admin.PostAsJsonAsync("/api/jurisdiction/transfers?preview=true", new
        {
            fromId = j.V1, toId = j.V2, geometry = TestJurisdiction.Box(j.X + 0.045, 30.505, j.X + 0.05, 30.51),
            decision = TestJurisdiction.Decision("2022-05-01", "范围调整"),
        });
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("geometry", problem.GetProperty("field").GetString());
        Assert.Contains("不在一村内", problem.GetProperty("detailZh").GetString());
    }

    [Fact]
    public async Task ADecisionPaper_IsUploadedCitedAndItsHashRecorded()
    {
        var (admin, j) = await ArrangeAsync();
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

        var uploaded = await UploadAsync(admin, pdf, "决定.pdf");
        var paper = await uploaded.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), paper.GetProperty("sha256").GetString());
        Assert.Equal("application/pdf", paper.GetProperty("contentType").GetString());
        Assert.Equal(pdf, await admin.GetByteArrayAsync($"/api/jurisdiction/decision-documents/{paper.GetProperty("id").GetGuid()}"));

        var renamed = await admin.PostAsJsonAsync($"/api/jurisdiction/units/{j.V3}/rename", new
        {
            name = "三村更名",
            decision = new { documentNumber = "测试〔2022〕7号", effectiveDate = "2022-07-01", reason = "更名", documentId = paper.GetProperty("id").GetGuid() },
        });
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        var history = await admin.GetFromJsonAsync<JsonElement>($"/api/jurisdiction/units/{j.V3}/history");
        var rename = Assert.Single(history.EnumerateArray(), e => e.GetProperty("type").GetString() == "jurisdiction.unit_renamed");
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), rename.GetProperty("changes").GetProperty("decision").GetProperty("documentSha256").GetString());
    }

    [Fact]
    public async Task AnUnknownPaper_OrOneThatIsNoDocument_IsRefusedNamingTheField()
    {
        var (admin, j) = await ArrangeAsync();

        var unknown = await admin.PostAsJsonAsync($"/api/jurisdiction/units/{j.V3}/rename", new
        {
            name = "三村更名",
            decision = new { documentNumber = "测试〔2022〕7号", effectiveDate = "2022-07-01", reason = "更名", documentId = Guid.NewGuid() },
        });
        var notADocument = await UploadAsync(admin, Encoding.UTF8.GetBytes("只是一段文字"), "决定.pdf");

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("decision.documentId", (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notADocument.StatusCode);
        var problem = await notADocument.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("file", problem.GetProperty("field").GetString());
        Assert.Contains("仅接受", problem.GetProperty("detailZh").GetString());
        var units = await admin.GetFromJsonAsync<JsonElement>("/api/jurisdiction/units?asOf=2022-07-02&level=village");
        Assert.Contains(units.GetProperty("features").EnumerateArray(), f => f.GetProperty("properties").GetProperty("name").GetString() == "三村");
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, byte[] bytes, string fileName)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return await client.PostAsync("/api/jurisdiction/decision-documents", form);
    }

    private static List<(double Lon, double Lat)> OuterRing(JsonElement polygon) =>
        [.. polygon.GetProperty("coordinates")[0].EnumerateArray().Select(p => (p[0].GetDouble(), p[1].GetDouble()))];

    /// <summary>The ring's area in m² in the Chengdu Gauss–Krüger zone (EPSG:4544), projected by PROJ's cs2cs, by the shoelace formula.</summary>
    private static double GaussKrugerArea(IReadOnlyList<(double Lon, double Lat)> ring)
    {
        var xy = Proj.ToGaussKruger(4544, ring);
        var twice = 0.0;
        for (var i = 0; i < xy.Count; i++)
        {
            var (a, b) = (xy[i], xy[(i + 1) % xy.Count]);
            twice += (a.X * b.Y) - (b.X * a.Y);
        }
        return Math.Abs(twice) / 2;
    }
}
