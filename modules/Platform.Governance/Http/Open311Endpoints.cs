using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Http;
using Platform.Abstractions.Security;
using Platform.Governance.Complaints;
using Platform.Governance.Open311;

namespace Platform.Governance.Http;

/// <summary>
/// Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) at <c>/open311/v2/</c>: every resource in <c>.json</c> and <c>.xml</c>,
/// errors as the standard's error list. Complaint categories are its services, their extra questions its attributes.
/// No answer carries the reporter's name, phone, email or device.
/// </summary>
internal static class Open311Endpoints
{
    public sealed record ClientBody(string? Name);

    public sealed record IssuedKey(Guid Id, string Name, string ApiKey);

    private static readonly TimeSpan ChinaTime = TimeSpan.FromHours(8);

    public static void MapOpen311Endpoints(this IEndpointRouteBuilder app)
    {
        var clients = app.MapGroup("/api/open311/clients").WithTags("Open311").RequireAuthorization(PlatformPolicies.Administer);
        clients.MapPost("", async (HttpContext http, IGrainFactory grains) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<ClientBody>(http);
            if (bad is not null)
                return bad;
            var id = Guid.NewGuid();
            var key = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
            var result = await grains.GetGrain<IOpen311ClientGrain>(id).RegisterAsync(body!.Name ?? "", Open311Client.Hash(key),
                http.User.ToCommandContext("发放 Open311 接口密钥", http.TraceIdentifier));
            return result.Rejection is { } r ? r.ToProblem() : Results.Created($"/api/open311/clients/{id}", new IssuedKey(id, body.Name!.Trim(), key));
        }).WithRequestBody<ClientBody>().WithName("IssueOpen311Key").Produces<IssuedKey>(201);
        clients.MapGet("", async (IQuerySession session, CancellationToken ct) =>
            (await session.Query<Open311Client>().ToListAsync(ct)).OrderBy(c => c.IssuedAt)
                .Select(c => new Open311ClientView(c.Id, c.Name, c.IssuedAt, c.Revoked, c.RevokedAt, c.RevokedReason, c.Version)).ToList())
            .WithName("ListOpen311Clients").Produces<List<Open311ClientView>>();
        clients.MapPost("/{id:guid}/revoke", async (Guid id, HttpContext http, IGrainFactory grains) =>
        {
            var (body, bad) = await RequestBody.ReadAsync<ComplaintEndpoints.ReasonBody>(http);
            if (bad is not null)
                return bad;
            return (await grains.GetGrain<IOpen311ClientGrain>(id).RevokeAsync(body!.Reason ?? "", http.User.ToCommandContext("吊销 Open311 接口密钥", http.TraceIdentifier))).Answer(id);
        }).WithRequestBody<ComplaintEndpoints.ReasonBody>().WithName("RevokeOpen311Key").ProducesWrite();

        var v2 = app.MapGroup("/open311/v2").WithTags("Open311").AllowAnonymous();
        v2.MapGet("/discovery.{format}", (string format, HttpContext http) => Respond(format, () =>
        {
            var url = $"{http.Request.Scheme}://{http.Request.Host}/open311/v2/";
            var changeset = "2026-12-01T00:00:00+08:00";
            return (new Open311Discovery(changeset, "街道社区发展办 Community Development Office", "API keys are issued by the street office's administrators (POST /api/open311/clients).",
                [new Open311DiscoveryEndpoint("http://wiki.open311.org/GeoReport_v2", url, changeset, "production", ["text/xml", "application/json"])]), new XElement("discovery", new XElement("changeset", changeset), new XElement("contact", "街道社区发展办 Community Development Office"),
                new XElement("key_service", "API keys are issued by the street office's administrators."),
                new XElement("endpoints", new XElement("endpoint", new XElement("specification", "http://wiki.open311.org/GeoReport_v2"), new XElement("url", url),
                    new XElement("changeset", changeset), new XElement("type", "production"),
                    new XElement("formats", new XElement("format", "text/xml"), new XElement("format", "application/json"))))));
        })).WithName("Open311Discovery").ProducesOpen311<Open311Discovery>();

        v2.MapGet("/services.{format}", async (string format, IQuerySession session, CancellationToken ct) =>
        {
            var categories = (await session.Query<ComplaintCategory>().ToListAsync(ct)).Where(c => !c.Retired).OrderBy(c => c.Code, StringComparer.Ordinal).ToList();
            return Respond(format, () => (categories.Select(ServiceJson).ToList(), new XElement("services", categories.Select(c => Xml("service", ServiceJson(c))))));
        }).WithName("Open311Services").ProducesOpen311<List<Open311Service>>();

        v2.MapGet("/services/{service_code}.{format}", async (string service_code, string format, IQuerySession session, CancellationToken ct) =>
        {
            var category = await session.LoadAsync<ComplaintCategory>(ComplaintCategory.StreamId(service_code), ct);
            if (category is null || category.Retired)
                return Error(format, 404, "service_code", $"No service with service_code '{service_code}'.");
            var definition = new Open311ServiceDefinition(category.Code, [.. category.Questions.Select((q, i) => new Open311Attribute(
                true, q.Code, q.Datatype, q.Required, q.Datatype == "singlevaluelist" ? "选择一项 Choose one" : null, i + 1,
                q.LabelZh + (string.IsNullOrEmpty(q.LabelEn) ? "" : " / " + q.LabelEn),
                [.. (q.Values ?? []).Select(v => new Open311AttributeValue(v.Key, v.NameZh))]))]);
            return Respond(format, () => (definition, new XElement("service_definition", new XElement("service_code", category.Code),
                new XElement("attributes", category.Questions.Select((q, i) => new XElement("attribute",
                    new XElement("variable", "true"), new XElement("code", q.Code), new XElement("datatype", q.Datatype), new XElement("required", q.Required ? "true" : "false"),
                    new XElement("datatype_description", q.Datatype == "singlevaluelist" ? "选择一项 Choose one" : ""), new XElement("order", i + 1),
                    new XElement("description", q.LabelZh + (string.IsNullOrEmpty(q.LabelEn) ? "" : " / " + q.LabelEn)),
                    new XElement("values", (q.Values ?? []).Select(v => new XElement("value", new XElement("key", v.Key), new XElement("name", v.NameZh))))))))));
        }).WithName("Open311ServiceDefinition").ProducesOpen311<Open311ServiceDefinition>();

        v2.MapPost("/requests.{format}", async (string format, HttpContext http, IQuerySession session, IGrainFactory grains) =>
        {
            if (!IsFormat(format))
                return Error("json", 404, "format", "The format is json or xml.");
            var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync(http.RequestAborted) : new FormCollection([]);
            string? Value(string name) => form.TryGetValue(name, out var v) ? v.ToString() : http.Request.Query.TryGetValue(name, out var q) ? q.ToString() : null;
            var key = Value("api_key");
            if (string.IsNullOrWhiteSpace(key))
                return Error(format, 400, "api_key", "api_key is required.");
            var hash = Open311Client.Hash(key);
            var client = (await session.Query<Open311Client>().Where(c => c.KeyHash == hash).ToListAsync(http.RequestAborted)).FirstOrDefault();
            if (client is null || client.Revoked)
                return Error(format, 403, "api_key", "The api_key is not valid.");
            var code = Value("service_code");
            if (string.IsNullOrWhiteSpace(code))
                return Error(format, 400, "service_code", "service_code is required.");
            if (!double.TryParse(Value("lat"), NumberStyles.Float, CultureInfo.InvariantCulture, out var lat)
                || !double.TryParse(Value("long"), NumberStyles.Float, CultureInfo.InvariantCulture, out var lon))
                return Error(format, 400, "lat", "lat and long are required (WGS84 decimal degrees); address_string alone is not located here.");
            var answers = form.Keys.Where(k => k.StartsWith("attribute[", StringComparison.Ordinal) && k.EndsWith(']'))
                .ToDictionary(k => k["attribute[".Length..^1], k => form[k].ToString());
            var name = string.Join(" ", new[] { Value("last_name"), Value("first_name") }.Where(s => !string.IsNullOrWhiteSpace(s)));
            var id = Guid.NewGuid();
            var result = await grains.GetGrain<IComplaintGrain>(id).FileAsync(
                new FileComplaint(code, Value("description") ?? "", lon, lat, Value("address_string"), answers, name.Length == 0 ? null : name, Value("phone"), null,
                    "open311", client.Name, Value("media_url")),
                new CommandContext("open311:" + client.Name, "Open311 请求", http.TraceIdentifier));
            if (result.Rejection is { } r)
                return Error(format, r.Status, OpenField(r.Field), r.Reason);
            var created = new Open311Created(id.ToString(), id.ToString("N"), "已受理登记，将按时限处置回复。", null);
            return Respond(format, () => (new[] { created }, new XElement("service_requests", Xml("request", created))), 201);
        }).DisableAntiforgery().WithName("Open311PostRequest").ProducesOpen311<List<Open311Created>>(StatusCodes.Status201Created)
            .WithDescription("GeoReport v2 POST Service Request: form fields api_key, service_code, lat, long, description, attribute[code], … / 提交服务请求（表单字段）。");

        v2.MapGet("/requests.{format}", async (string format, string? service_request_id, string? service_code, string? start_date, string? end_date, string? status,
            IQuerySession session, CancellationToken ct) =>
        {
            DateTimeOffset? start = null, end = null;
            if (start_date is not null)
            {
                if (!DateTimeOffset.TryParse(start_date, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var s))
                    return Error(format, 400, "start_date", "start_date is a w3 date-time (2026-03-01T00:00:00+08:00).");
                start = s;
            }
            if (end_date is not null)
            {
                if (!DateTimeOffset.TryParse(end_date, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var e))
                    return Error(format, 400, "end_date", "end_date is a w3 date-time (2026-03-31T23:59:59+08:00).");
                end = e;
            }
            var ids = Split(service_request_id);
            var codes = Split(service_code);
            var statuses = Split(status);
            if (statuses.Any(s => s is not ("open" or "closed")))
                return Error(format, 400, "status", "status is open or closed (comma-separated).");
            if (ids.Count == 0 && start is null && end is null)
                start = DateTimeOffset.UtcNow.AddDays(-90);
            var names = await ComplaintEndpoints.CategoryNamesAsync(session, ct);
            var list = (await session.Query<Complaint>().ToListAsync(ct))
                .Where(c => (ids.Count == 0 || ids.Contains(c.Id.ToString())) && (codes.Count == 0 || codes.Contains(c.Category))
                    && (statuses.Count == 0 || statuses.Contains(ComplaintStatus.Open311(c.Status)))
                    && (start is null || c.FiledAt >= start) && (end is null || c.FiledAt <= end))
                .OrderByDescending(c => c.FiledAt).Take(1000).Select(c => RequestJson(c, names)).ToList();
            return Respond(format, () => (list, new XElement("service_requests", list.Select(r => Xml("request", r)))));
        }).WithName("Open311GetRequests").ProducesOpen311<List<Open311Request>>();

        v2.MapGet("/requests/{service_request_id}.{format}", async (string service_request_id, string format, IQuerySession session, CancellationToken ct) =>
        {
            if (!Guid.TryParse(service_request_id, out var id) || await session.LoadAsync<Complaint>(id, ct) is not { } c)
                return Error(format, 404, "service_request_id", $"No service request '{service_request_id}'.");
            var one = RequestJson(c, await ComplaintEndpoints.CategoryNamesAsync(session, ct));
            return Respond(format, () => (new[] { one }, new XElement("service_requests", Xml("request", one))));
        }).WithName("Open311GetRequest").ProducesOpen311<List<Open311Request>>();

        v2.MapGet("/tokens/{token}.{format}", async (string token, string format, IQuerySession session, CancellationToken ct) =>
        {
            if (!Guid.TryParseExact(token, "N", out var id) || await session.LoadAsync<Complaint>(id, ct) is null)
                return Error(format, 404, "token", $"No service request for token '{token}'.");
            var one = new Open311Token(id.ToString(), token);
            return Respond(format, () => (new[] { one }, new XElement("service_requests", Xml("request", one))));
        }).WithName("Open311Token").ProducesOpen311<List<Open311Token>>();
    }

    private static Open311Service ServiceJson(ComplaintCategory c) => new(c.Code, c.NameZh, c.DescriptionZh, c.Questions.Count > 0, "realtime", c.NameEn,
        c.Route switch { "property" => "物业服务", "department" => "街道科室", _ => "社区" });

    private static Open311Request RequestJson(Complaint c, IReadOnlyDictionary<string, string> names) => new(
        c.Id.ToString(), ComplaintStatus.Open311(c.Status), c.Response ?? ComplaintStatus.NamesZh[c.Status], names.GetValueOrDefault(c.Category, c.Category),
        c.Category, c.Description, c.RoutedTo, "", W3(c.FiledAt), W3(c.UpdatedAt), W3(c.RespondDueAt),
        c.Address ?? c.CompoundName ?? "", c.CompoundId?.ToString() ?? "", "", c.Lat, c.Lon,
        c.Photos.Count > 0 ? $"/api/governance/complaints/{c.Id}/photos/{c.Photos[0]}" : c.MediaUrl ?? "");

    private static string W3(DateTimeOffset t) => t.ToOffset(ChinaTime).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static List<string> Split(string? s) => s is null ? [] : [.. s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <summary>The request parameter of the standard that a refusal of the write path names.</summary>
    private static string OpenField(string field) => field switch
    {
        "category" => "service_code", "location" => "lat", _ when field.StartsWith("attribute[", StringComparison.Ordinal) => field, _ => field,
    };

    /// <summary>A flat answer record as an XML element: each JSON field an element of the same name (null as empty).</summary>
    private static XElement Xml<T>(string name, T record) => new(name, JsonSerializer.SerializeToElement(record, JsonOptions).EnumerateObject()
        .Select(f => new XElement(f.Name, f.Value.ValueKind switch
        {
            JsonValueKind.Null => "",
            JsonValueKind.String => f.Value.GetString(),
            _ => f.Value.GetRawText(),
        })));

    /// <summary>The answer in both of the standard's formats; its fields are described by the record (the XML has the same fields).</summary>
    private static RouteHandlerBuilder ProducesOpen311<T>(this RouteHandlerBuilder builder, int status = StatusCodes.Status200OK) =>
        builder.Produces<T>(status, "application/json", "text/xml").Produces<List<Open311Error>>(StatusCodes.Status400BadRequest, "application/json", "text/xml");

    private static bool IsFormat(string format) => format is "json" or "xml";

    private static IResult Respond(string format, Func<(object Json, XElement Xml)> build, int status = 200)
    {
        if (!IsFormat(format))
            return Error("json", 404, "format", "The format is json or xml.");
        var (json, xml) = build();
        return format == "xml"
            ? Results.Content("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + xml.ToString(SaveOptions.DisableFormatting), "text/xml; charset=utf-8", Encoding.UTF8, status)
            : Results.Content(JsonSerializer.Serialize(json, JsonOptions), "application/json; charset=utf-8", Encoding.UTF8, status);
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) };

    /// <summary>The standard's error answer: a list of errors with a code and a description (here naming the parameter).</summary>
    private static IResult Error(string format, int status, string field, string description)
    {
        var text = $"{field}: {description}";
        return format == "xml"
            ? Results.Content("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n" + new XElement("errors", new XElement("error", new XElement("code", status), new XElement("description", text))).ToString(SaveOptions.DisableFormatting),
                "text/xml; charset=utf-8", Encoding.UTF8, status)
            : Results.Content(JsonSerializer.Serialize(new[] { new Open311Error(status, text) }, JsonOptions),
                "application/json; charset=utf-8", Encoding.UTF8, status);
    }
}
