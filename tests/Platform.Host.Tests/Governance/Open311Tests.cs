using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;
using Platform.Testing;

namespace Platform.Host.Tests.Governance;

/// <summary>
/// A GeoReport v2 client written from the standard (http://wiki.open311.org/GeoReport_v2): its paths, parameters and field
/// names, in JSON and in XML. 保水逸苑 lies at (104.097, 30.412) in the demo.
/// </summary>
[Collection("governance")]
public sealed class Open311Tests(GovernanceFixture fixture)
{
    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task RoundTrip_ListsServices_PostsWithAttributes_FindsByIdAndDate_AndSeesTheStaffResponse(string format)
    {
        var admin = await fixture.Factory.ClientForAsync("admin");
        var issued = await admin.PostAsJsonAsync("/api/open311/clients", new { name = "市民通 App " + format });
        Assert.Equal(HttpStatusCode.Created, issued.StatusCode);
        var apiKey = (await issued.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("apiKey").GetString()!;
        var client = fixture.Factory.CreateClient();

        var discovery = await Read(client, $"/open311/v2/discovery.{format}", format);
        Assert.Equal("http://wiki.open311.org/GeoReport_v2", discovery.Endpoints[0]);

        var services = await Read(client, $"/open311/v2/services.{format}", format);
        Assert.Contains("leaking", services.Codes);

        var definition = await Read(client, $"/open311/v2/services/leaking.{format}", format);
        Assert.Equal(["floor", "part"], definition.Codes);

        var start = DateTimeOffset.UtcNow.AddMinutes(-1);
        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["api_key"] = apiKey, ["service_code"] = "leaking", ["lat"] = "30.4121", ["long"] = "104.0972",
            ["address_string"] = "保水逸苑3栋", ["description"] = "顶楼卫生间渗水 " + format, ["first_name"] = "小明", ["last_name"] = "王", ["phone"] = "13912345678",
            ["attribute[floor]"] = "6", ["attribute[part]"] = "roof",
        });
        var posted = await client.PostAsync($"/open311/v2/requests.{format}", form);
        var postText = await posted.Content.ReadAsStringAsync();
        Assert.True(posted.IsSuccessStatusCode, postText);
        var id = (await Parse(postText, format)).Requests[0]["service_request_id"];

        var byId = (await Read(client, $"/open311/v2/requests/{id}.{format}", format)).Requests.Single();
        Assert.Equal("open", byId["status"]);
        Assert.Equal("leaking", byId["service_code"]);
        Assert.Equal("保水物业服务中心", byId["agency_responsible"]);
        var window = $"start_date={Uri.EscapeDataString(start.ToString("yyyy-MM-dd'T'HH:mm:ssK"))}&end_date={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(1).ToString("yyyy-MM-dd'T'HH:mm:ssK"))}";
        var byDate = await Read(client, $"/open311/v2/requests.{format}?{window}&service_code=leaking", format);
        Assert.Contains(byDate.Requests, r => r["service_request_id"] == id);
        var before = await Read(client, $"/open311/v2/requests.{format}?start_date=2026-01-01T00:00:00%2B08:00&end_date=2026-01-31T23:59:59%2B08:00", format);
        Assert.DoesNotContain(before.Requests, r => r["service_request_id"] == id);
        // The reporter's name and phone are in no answer.
        foreach (var text in new[] { postText, await client.GetStringAsync($"/open311/v2/requests/{id}.{format}") })
            Assert.False(text.Contains("13912345678") || text.Contains("小明"), text);

        var worker = await fixture.Factory.ClientForAsync("admin");
        foreach (var (status, note) in new[] { ("accepted", (string?)null), ("in_progress", null), ("responded", "已维修屋面防水"), ("closed", "投诉人电话确认") })
            (await worker.PostAsJsonAsync($"/api/governance/complaints/{id}/status", new { status, note })).EnsureSuccessStatusCode();
        var after = (await Read(client, $"/open311/v2/requests.{format}?service_request_id={id}", format)).Requests.Single();
        Assert.Equal("closed", after["status"]);
        Assert.Equal("已维修屋面防水", after["status_notes"]);

        var token = (await Read(client, $"/open311/v2/tokens/{Guid.Parse(id):N}.{format}", format)).Requests.Single();
        Assert.Equal(id, token["service_request_id"]);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task Errors_AreTheStandardsErrorList_AndNothingIsWritten(string format)
    {
        var client = fixture.Factory.CreateClient();
        var count = (await Read(client, $"/open311/v2/requests.{format}?start_date=2020-01-01T00:00:00Z", format)).Requests.Count;
        var bad = await client.PostAsync($"/open311/v2/requests.{format}", new FormUrlEncodedContent(new Dictionary<string, string>
            { ["api_key"] = "not-a-key", ["service_code"] = "leaking", ["lat"] = "30.41", ["long"] = "104.09" }));
        Assert.Equal(HttpStatusCode.Forbidden, bad.StatusCode);
        var text = await bad.Content.ReadAsStringAsync();
        var (code, description) = format == "xml"
            ? (XDocument.Parse(text).Root!.Element("error")!.Element("code")!.Value, XDocument.Parse(text).Root!.Element("error")!.Element("description")!.Value)
            : (JsonDocument.Parse(text).RootElement[0].GetProperty("code").GetInt32().ToString(), JsonDocument.Parse(text).RootElement[0].GetProperty("description").GetString()!);
        Assert.Equal("403", code);
        Assert.Contains("api_key", description);
        var missing = await client.GetAsync($"/open311/v2/services/no_such_service.{format}");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(count, (await Read(client, $"/open311/v2/requests.{format}?start_date=2020-01-01T00:00:00Z", format)).Requests.Count);
    }

    private sealed record Answer(List<string> Codes, List<string> Endpoints, List<Dictionary<string, string>> Requests);

    private static async Task<Answer> Read(HttpClient client, string url, string format)
    {
        var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{url}: {text}");
        Assert.Contains(format == "xml" ? "xml" : "json", response.Content.Headers.ContentType!.MediaType);
        return await Parse(text, format);
    }

    /// <summary>Reads the standard's documents: services (service_code), service_definition (attributes/attribute/code), discovery, service_requests.</summary>
    private static Task<Answer> Parse(string text, string format)
    {
        List<string> codes = [], endpoints = [];
        List<Dictionary<string, string>> requests = [];
        if (format == "xml")
        {
            var root = XDocument.Parse(text).Root!;
            switch (root.Name.LocalName)
            {
                case "services": codes.AddRange(root.Elements("service").Select(s => s.Element("service_code")!.Value)); break;
                case "service_definition": codes.AddRange(root.Element("attributes")!.Elements("attribute").Select(a => a.Element("code")!.Value)); break;
                case "discovery": endpoints.AddRange(root.Element("endpoints")!.Elements("endpoint").Select(e => e.Element("specification")!.Value)); break;
                case "service_requests": requests.AddRange(root.Elements("request").Select(r => r.Elements().ToDictionary(e => e.Name.LocalName, e => e.Value))); break;
                default: Assert.Fail("unexpected root " + root.Name); break;
            }
        }
        else
        {
            var root = JsonDocument.Parse(text).RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("endpoints", out var eps))
                endpoints.AddRange(eps.EnumerateArray().Select(e => e.GetProperty("specification").GetString()!));
            else if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("attributes", out var attributes))
                codes.AddRange(attributes.EnumerateArray().Select(a => a.GetProperty("code").GetString()!));
            else if (root.ValueKind == JsonValueKind.Array && root.GetArrayLength() > 0 && root[0].TryGetProperty("service_name", out _) && !root[0].TryGetProperty("service_request_id", out _))
                codes.AddRange(root.EnumerateArray().Select(s => s.GetProperty("service_code").GetString()!));
            else if (root.ValueKind == JsonValueKind.Array)
                requests.AddRange(root.EnumerateArray().Select(r => r.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind switch
                {
                    JsonValueKind.String => p.Value.GetString()!, JsonValueKind.Null => "", _ => p.Value.GetRawText(),
                })));
        }
        return Task.FromResult(new Answer(codes, endpoints, requests));
    }
}
