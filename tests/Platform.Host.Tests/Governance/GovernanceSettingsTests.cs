using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Platform.Host.Tests.Security;
using Platform.Testing;

namespace Platform.Host.Tests.Governance;

/// <summary>What administrators and inspectors keep beside the complaints: response templates, revoked Open311 keys, finding photos.</summary>
[Collection("governance")]
public sealed class GovernanceSettingsTests(GovernanceFixture fixture)
{
    [Fact]
    public async Task ResponseTemplates_AreOfferedForTheirCategories_AndBadOnesAreRefused()
    {
        var admin = await fixture.Factory.ClientForAsync("admin");
        var worker = await fixture.Factory.ClientForAsync("worker");
        var id = Guid.NewGuid();
        await (await admin.PutAsJsonAsync($"/api/governance/response-templates/{id}", new { title = "停车", text = "已通知物业清理", categories = new[] { "no_such" } }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "categories[0]");
        await (await admin.PutAsJsonAsync($"/api/governance/response-templates/{id}", new { title = "停车", text = "已通知物业清理", categories = new[] { "parking" }, status = "closed" }))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "status");
        Assert.Equal(HttpStatusCode.Forbidden, (await worker.PutAsJsonAsync($"/api/governance/response-templates/{id}", new { title = "停车", text = "已通知物业清理", categories = new[] { "parking" } })).StatusCode);
        Assert.DoesNotContain((await worker.GetFromJsonAsync<JsonElement>("/api/governance/response-templates?retired=true")).EnumerateArray(), t => t.GetProperty("id").GetGuid() == id);

        (await admin.PutAsJsonAsync($"/api/governance/response-templates/{id}", new { title = "停车：已清理", text = "已通知物业清理消防通道车辆", categories = new[] { "parking" }, status = "responded" }))
            .EnsureSuccessStatusCode();
        async Task<List<string>> TitlesAsync(string category) => [.. (await worker.GetFromJsonAsync<JsonElement>($"/api/governance/response-templates?category={category}"))
            .EnumerateArray().Select(t => t.GetProperty("title").GetString()!)];
        var parking = await TitlesAsync("parking");
        Assert.Contains("停车：已清理", parking);
        Assert.Contains("已受理", parking);                   // the demo's template for every category
        Assert.DoesNotContain("漏水：物业已维修", parking);    // the demo's template for leaking only
        Assert.DoesNotContain("停车：已清理", await TitlesAsync("leaking"));

        (await admin.PostAsJsonAsync($"/api/governance/response-templates/{id}/retire", new { reason = "不再使用" })).EnsureSuccessStatusCode();
        Assert.DoesNotContain("停车：已清理", await TitlesAsync("parking"));
        await (await admin.PostAsJsonAsync($"/api/governance/response-templates/{id}/retire", new { reason = "再次" })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "id");
    }

    [Fact]
    public async Task ARevokedOpen311Key_IsRefusedWithTheStandardsError_AndOtherKeysStillWork()
    {
        var admin = await fixture.Factory.ClientForAsync("admin");
        async Task<(Guid Id, string Key)> IssueAsync(string name)
        {
            var issued = await (await admin.PostAsJsonAsync("/api/open311/clients", new { name })).Content.ReadFromJsonAsync<JsonElement>();
            return (issued.GetProperty("id").GetGuid(), issued.GetProperty("apiKey").GetString()!);
        }
        var (revokedId, revokedKey) = await IssueAsync("旧版上报 App");
        var (_, keptKey) = await IssueAsync("新版上报 App");
        var client = fixture.Factory.CreateClient();
        Task<HttpResponseMessage> PostAsync(string key) => client.PostAsync("/open311/v2/requests.json", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["api_key"] = key, ["service_code"] = "sanitation", ["lat"] = "30.4123", ["long"] = "104.0968", ["description"] = "垃圾未清运",
        }));
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(revokedKey)).StatusCode);

        await (await admin.PostAsJsonAsync($"/api/open311/clients/{revokedId}/revoke", new { reason = "" })).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "reason");
        (await admin.PostAsJsonAsync($"/api/open311/clients/{revokedId}/revoke", new { reason = "应用已下线" })).EnsureSuccessStatusCode();
        var refused = await PostAsync(revokedKey);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var error = (await refused.Content.ReadFromJsonAsync<JsonElement>())[0];
        Assert.Equal(403, error.GetProperty("code").GetInt32());
        Assert.StartsWith("api_key", error.GetProperty("description").GetString());
        Assert.Equal(HttpStatusCode.Created, (await PostAsync(keptKey)).StatusCode);

        var listed = (await admin.GetFromJsonAsync<JsonElement>("/api/open311/clients")).EnumerateArray().Single(c => c.GetProperty("id").GetGuid() == revokedId);
        Assert.True(listed.GetProperty("revoked").GetBoolean());
        Assert.Equal("应用已下线", listed.GetProperty("revokedReason").GetString());
        Assert.DoesNotContain(revokedKey, (await admin.GetStringAsync("/api/open311/clients")));
        await (await admin.PostAsJsonAsync($"/api/open311/clients/{revokedId}/revoke", new { reason = "再次" })).ShouldBeProblemAsync(HttpStatusCode.Conflict, "id");
    }

    [Fact]
    public async Task FindingPhotos_LoseTheirGpsPosition_AndAreRefusedOnceTheFindingIsVerified()
    {
        var worker = await fixture.Factory.ClientForAsync("admin");
        // In 2025, so that the demo's 2026 figures the summary test counts by hand stay as they are.
        var recorded = await worker.PostAsJsonAsync("/api/governance/inspections", new
        {
            template = "safety", targetKind = "compound", targetName = "保水逸苑", location = new[] { 104.0968, 30.4123 }, heldOn = "2025-11-20",
            items = new[] { new { item = "消防通道畅通", passed = false, note = (string?)null } },
            findings = new[] { new { item = "消防通道畅通", description = "3栋消防通道堆放杂物", deadlineOn = "2025-11-27" } },
        });
        var answer = await recorded.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(recorded.StatusCode == HttpStatusCode.Created, answer.ToString());
        var id = answer.GetProperty("id").GetGuid();
        var finding = answer.GetProperty("findings")[0].GetGuid();

        var original = Path.Combine(AppContext.BaseDirectory, "Governance", "Data", "plain.jpg");
        var tagged = Path.Combine(Path.GetTempPath(), $"finding-{Guid.NewGuid():N}.jpg");
        Run("exiftool", $"-q -GPSLatitude=30.4123 -GPSLatitudeRef=N -GPSLongitude=104.0968 -GPSLongitudeRef=E -Make=InspectorCam -o {tagged} {original}");
        MultipartFormDataContent Form(byte[] bytes, string stage) => new()
        {
            { new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("image/jpeg") } }, "photo", "f.jpg" },
            { new StringContent(stage), "stage" },
        };
        var bytes = await File.ReadAllBytesAsync(tagged);
        await (await worker.PostAsync($"/api/governance/inspections/{id}/findings/{finding}/photos", Form(bytes, "before"))).ShouldBeProblemAsync(HttpStatusCode.BadRequest, "stage");
        await (await worker.PostAsync($"/api/governance/inspections/{id}/findings/{finding}/photos", Form("not an image"u8.ToArray(), "finding")))
            .ShouldBeProblemAsync(HttpStatusCode.BadRequest, "photo");
        (await worker.PostAsync($"/api/governance/inspections/{id}/findings/{finding}/photos", Form(bytes, "finding"))).EnsureSuccessStatusCode();
        (await worker.PostAsJsonAsync($"/api/governance/inspections/{id}/findings/{finding}/rectify", new { rectifiedOn = "2025-11-25", proof = "杂物已清运" })).EnsureSuccessStatusCode();
        (await worker.PostAsync($"/api/governance/inspections/{id}/findings/{finding}/photos", Form(bytes, "rectification"))).EnsureSuccessStatusCode();

        var anonymous = fixture.Factory.CreateClient();
        var photos = (await anonymous.GetFromJsonAsync<JsonElement>("/api/governance/inspections")).EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == id)
            .GetProperty("findings")[0].GetProperty("photos").EnumerateArray().ToList();
        Assert.Equal(["finding", "rectification"], photos.Select(p => p.GetProperty("stage").GetString()));
        var served = Path.Combine(Path.GetTempPath(), $"served-finding-{Guid.NewGuid():N}.jpg");
        await File.WriteAllBytesAsync(served, await anonymous.GetByteArrayAsync(photos[0].GetProperty("url").GetString()));
        var tags = Run("exiftool", $"-j -a -G1 {served}");
        Assert.DoesNotContain("GPS", tags);
        Assert.DoesNotContain("InspectorCam", tags);

        (await worker.PostAsJsonAsync($"/api/governance/inspections/{id}/findings/{finding}/verify", new { verifiedOn = "2025-11-26" })).EnsureSuccessStatusCode();
        await (await worker.PostAsync($"/api/governance/inspections/{id}/findings/{finding}/photos", Form(bytes, "rectification"))).ShouldBeProblemAsync(HttpStatusCode.Conflict, "findingId");
    }

    private static string Run(string file, string args)
    {
        using var p = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
        var output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.True(p.ExitCode == 0, output);
        return output;
    }
}

[Collection("governance")]
public sealed class GovernanceCommunityReportTests(GovernanceFixture fixture)
{
    /// <summary>
    /// A community's report counts the inspections and filings lying in it and the trainings of its compounds, not the street's:
    /// the expected counts come from the compounds' own communities as /api/compounds answers them.
    /// </summary>
    [Fact]
    public async Task ACommunitysReport_CountsItsOwnInspectionsFilingsAndTrainings()
    {
        var admin = await fixture.Factory.ClientForAsync("admin");
        var communityOf = (await admin.GetFromJsonAsync<JsonElement>("/api/compounds")).EnumerateArray()
            .ToDictionary(c => c.GetProperty("id").GetGuid(), c => c.TryGetProperty("communityCode", out var code) ? code.GetString() : null);
        var namesIn = (await admin.GetFromJsonAsync<JsonElement>("/api/compounds")).EnumerateArray()
            .GroupBy(c => c.TryGetProperty("communityCode", out var code) ? code.GetString() ?? "" : "").ToDictionary(g => g.Key, g => g.Select(c => c.GetProperty("name").GetString()!).ToHashSet());
        var routine = (await admin.GetFromJsonAsync<JsonElement>("/api/governance/inspections?year=2026&kind=routine")).EnumerateArray().ToList();
        var filings = (await admin.GetFromJsonAsync<JsonElement>("/api/governance/filings?year=2026")).EnumerateArray().ToList();
        var trainings = (await admin.GetFromJsonAsync<JsonElement>("/api/governance/trainings?year=2026")).EnumerateArray().ToList();
        var communities = routine.Select(i => communityOf[i.GetProperty("compoundId").GetGuid()]).Where(c => c is not null).Distinct().ToList();
        Assert.True(communities.Count >= 2, "the demo's routine inspections lie in one community only; the check would prove nothing");

        var section = fixture.Factory.Service<Platform.Abstractions.Reports.IReportSectionCatalog>().Active.Single(s => s.Id == "governance");
        foreach (var community in communities)
        {
            var data = JsonSerializer.SerializeToElement(await section.DataAsync(new(new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31), community)),
                new JsonSerializerOptions(JsonSerializerDefaults.Web));
            Assert.Equal(routine.Count(i => communityOf[i.GetProperty("compoundId").GetGuid()] == community), data.GetProperty("inspections").GetProperty("held").GetInt32());
            Assert.Equal(filings.Count(f => communityOf[f.GetProperty("compoundId").GetGuid()] == community), data.GetProperty("filings").GetProperty("total").GetInt32());
            Assert.Equal(trainings.Count(t => t.GetProperty("compounds").EnumerateArray().Any(c => namesIn[community!].Contains(c.GetString()!))),
                data.GetProperty("propertyTraining").GetProperty("sessions").GetInt32());
        }
    }
}
