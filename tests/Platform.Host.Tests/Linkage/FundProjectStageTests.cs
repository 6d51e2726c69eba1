using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Platform.Host.Tests.Support;

namespace Platform.Host.Tests.Linkage;

[Collection(LinkageCollection.Name)]
public sealed class FundProjectStageTests(LinkageHost host)
{
    public static byte[] Pdf => Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF\n");

    public static byte[] Docx()
    {
        var memory = new MemoryStream();
        using (var zip = new ZipArchive(memory, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var writer = new StreamWriter(zip.CreateEntry("word/document.xml").Open());
            writer.Write("<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body/></w:document>");
        }
        return memory.ToArray();
    }

    public static Task<HttpResponseMessage> UploadAsync(HttpClient client, string project, string stage, string kind, byte[] bytes, string name) =>
        client.PostAsync($"/api/linkage/projects/{project}/documents", new MultipartFormDataContent
        {
            { new StringContent(stage), "stage" },
            { new StringContent(kind), "kind" },
            { new ByteArrayContent(bytes), "file", name },
        });

    private async Task<string> NewProjectAsync(HttpClient worker, string title) =>
        (await (await worker.PostAsJsonAsync("/api/linkage/projects", new
        {
            title, year = 2026, fundType = "guarantee", category = "社区志愿服务", amountWan = 12.3456m, communityCode = "XL-XLH",
        })).JsonAsync(HttpStatusCode.Created)).GetProperty("id").GetString()!;

    private static async Task<JsonElement> ProjectAsync(HttpClient client, string id) =>
        await (await client.GetAsync($"/api/linkage/projects/{id}")).JsonAsync(HttpStatusCode.OK);

    private static Task<HttpResponseMessage> EnterAsync(HttpClient client, string id, string stage) =>
        client.PostAsJsonAsync($"/api/linkage/projects/{id}/stage", new { stage });

    [Fact]
    public async Task AProjectEntersNoStageWithoutItsDocuments_NorReviewBeforeTheNoticeEnds()
    {
        var worker = await host.As("worker");
        var id = await NewProjectAsync(worker, "阶段规则测试项目");

        await (await EnterAsync(worker, id, "mobilisation")).ProblemAsync(HttpStatusCode.Conflict, "documents");
        await (await EnterAsync(worker, id, "needs")).ProblemAsync(HttpStatusCode.Conflict, "stage");
        await (await UploadAsync(worker, id, "mobilisation", "publicity", Encoding.UTF8.GetBytes("not a pdf at all"), "宣传.pdf")).ProblemAsync(HttpStatusCode.UnsupportedMediaType, "file");
        await (await UploadAsync(worker, id, "mobilisation", "needs_survey", Pdf, "x.pdf")).ProblemAsync(HttpStatusCode.BadRequest, "kind");
        var before = await ProjectAsync(worker, id);
        Assert.Null(before.GetProperty("stage").GetString());
        Assert.Equal(0, before.GetProperty("documents").GetArrayLength());
        var version = before.GetProperty("version").GetInt64();

        await (await UploadAsync(worker, id, "mobilisation", "publicity", Pdf, "宣传动员.pdf")).JsonAsync(HttpStatusCode.Created);
        await (await EnterAsync(worker, id, "mobilisation")).JsonAsync(HttpStatusCode.OK);
        await (await UploadAsync(worker, id, "needs", "needs_survey", Docx(), "需求征集表.docx")).JsonAsync(HttpStatusCode.Created);
        await (await EnterAsync(worker, id, "needs")).JsonAsync(HttpStatusCode.OK);
        var afterTwo = await ProjectAsync(worker, id);
        Assert.Equal("needs", afterTwo.GetProperty("stage").GetString());
        Assert.Equal(version + 4, afterTwo.GetProperty("version").GetInt64());
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            afterTwo.GetProperty("documents")[1].GetProperty("contentType").GetString());

        // 民主议决: 20 of 45 attended — not more than half — then 30 attended and 15 voted for — not more than half of 30.
        await (await UploadAsync(worker, id, "decision", "meeting_minutes", Pdf, "会议记录.pdf")).JsonAsync(HttpStatusCode.Created);
        await (await EnterAsync(worker, id, "decision")).ProblemAsync(HttpStatusCode.Conflict, "meeting");
        await (await worker.PostAsJsonAsync($"/api/linkage/projects/{id}/meeting", new { heldOn = "2026-02-20", entitled = 45, attended = 22, votesFor = 20, votesAgainst = 1 })).JsonAsync(HttpStatusCode.OK);
        await (await EnterAsync(worker, id, "decision")).ProblemAsync(HttpStatusCode.Conflict, "meeting.attended");
        await (await worker.PostAsJsonAsync($"/api/linkage/projects/{id}/meeting", new { heldOn = "2026-02-20", entitled = 45, attended = 30, votesFor = 15, votesAgainst = 10 })).JsonAsync(HttpStatusCode.OK);
        await (await EnterAsync(worker, id, "decision")).ProblemAsync(HttpStatusCode.Conflict, "meeting.votesFor");
        await (await worker.PostAsJsonAsync($"/api/linkage/projects/{id}/meeting", new { heldOn = "2026-02-20", entitled = 45, attended = 30, votesFor = 16, votesAgainst = 10 })).JsonAsync(HttpStatusCode.OK);
        await (await EnterAsync(worker, id, "decision")).JsonAsync(HttpStatusCode.OK);

        // 公示备案: six days (1–6 March) is short of seven; 2–8 March is seven, both ends counted.
        await (await UploadAsync(worker, id, "notice", "public_notice", Pdf, "公示.pdf")).JsonAsync(HttpStatusCode.Created);
        await (await worker.PostAsJsonAsync($"/api/linkage/projects/{id}/notice", new { from = "2026-03-01", to = "2026-03-06" })).JsonAsync(HttpStatusCode.OK);
        await (await EnterAsync(worker, id, "notice")).ProblemAsync(HttpStatusCode.Conflict, "notice");
        await (await worker.PostAsJsonAsync($"/api/linkage/projects/{id}/notice", new { from = "2026-03-02", to = "2026-03-08" })).JsonAsync(HttpStatusCode.OK);
        await (await EnterAsync(worker, id, "notice")).JsonAsync(HttpStatusCode.OK);

        await (await UploadAsync(worker, id, "review", "review_opinion", Pdf, "评审意见.pdf")).JsonAsync(HttpStatusCode.Created);
        await (await worker.PostAsJsonAsync($"/api/linkage/projects/{id}/review", new { heldOn = "2026-03-09", reviewers = "街道社区发展办", approved = true })).JsonAsync(HttpStatusCode.OK);
        try
        {
            host.Clock.Now = new DateTimeOffset(2026, 3, 8, 12, 0, 0, TimeSpan.FromHours(8));
            var early = await EnterAsync(worker, id, "review");
            await early.ProblemAsync(HttpStatusCode.Conflict, "notice");
            Assert.Equal("notice", (await ProjectAsync(worker, id)).GetProperty("stage").GetString());
            host.Clock.Now = new DateTimeOffset(2026, 3, 9, 12, 0, 0, TimeSpan.FromHours(8));
            await (await EnterAsync(worker, id, "review")).JsonAsync(HttpStatusCode.OK);
        }
        finally
        {
            host.Clock.Now = null;
        }
        var reviewed = await ProjectAsync(worker, id);
        Assert.Equal("review", reviewed.GetProperty("stage").GetString());
        Assert.Equal("implementation", reviewed.GetProperty("nextStage").GetString());
    }

    [Fact]
    public async Task BadAmountsCommunitiesAndCategories_AreProblemsNamingTheField_AndNothingIsWritten()
    {
        var worker = await host.As("worker");
        var admin = await host.As("admin");
        var count = (await (await admin.GetAsync("/api/linkage/projects")).JsonAsync(HttpStatusCode.OK)).GetArrayLength();
        object Body(decimal amount, string community = "XL-XLH", string category = "和谐邻里") =>
            new { title = "坏输入", year = 2026, fundType = "guarantee", category, amountWan = amount, communityCode = community };
        await (await worker.PostAsJsonAsync("/api/linkage/projects", Body(1.23456m))).ProblemAsync(HttpStatusCode.BadRequest, "amountWan");
        await (await worker.PostAsJsonAsync("/api/linkage/projects", Body(-3m))).ProblemAsync(HttpStatusCode.BadRequest, "amountWan");
        await (await worker.PostAsJsonAsync("/api/linkage/projects", Body(3m, category: "不存在的类别"))).ProblemAsync(HttpStatusCode.BadRequest, "category");
        await (await worker.PostAsJsonAsync("/api/linkage/projects", Body(3m, community: "XL-NOPE"))).ProblemAsync(HttpStatusCode.BadRequest, "communityCode");
        await (await worker.PostAsJsonAsync("/api/linkage/projects", Body(3m, community: "XL-BS"))).ProblemAsync(HttpStatusCode.Forbidden, "communityCode");
        var malformed = new StringContent("{\"title\":\"x\",\"amountWan\":\"lots\"}", Encoding.UTF8, "application/json");
        await (await worker.PostAsync("/api/linkage/projects", malformed)).ProblemAsync(HttpStatusCode.BadRequest, "amountWan");
        Assert.Equal(count, (await (await admin.GetAsync("/api/linkage/projects")).JsonAsync(HttpStatusCode.OK)).GetArrayLength());

        var resident = await host.As("resident");
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync("/api/linkage/projects")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Factory.CreateClient().GetAsync("/api/linkage/social-workers")).StatusCode);
    }

    [Fact]
    public async Task OpenApi_DescribesTheLinkageOperations_WithTheirRoles()
    {
        var paths = (await (await host.Factory.CreateClient().GetAsync("/openapi/v1.json")).JsonAsync(HttpStatusCode.OK)).GetProperty("paths");
        string[] Roles(string path, string method) =>
            [.. paths.GetProperty(path).GetProperty(method).GetProperty("x-platform-roles").EnumerateArray().Select(r => r.GetString()!)];
        Assert.Equal(["administrator", "worker"], Roles("/api/linkage/projects/{id}/stage", "post"));
        Assert.Equal(["administrator"], Roles("/api/linkage/projects/{id}/checks", "post"));
        Assert.True(paths.TryGetProperty("/api/linkage/projects/{id}/documents", out _));
        Assert.True(paths.TryGetProperty("/api/linkage/tours", out _));
    }
}
