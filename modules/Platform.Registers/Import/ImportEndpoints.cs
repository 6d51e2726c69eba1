using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NetTopologySuite.Features;
using NetTopologySuite.Geometries;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Jurisdiction;
using Platform.Abstractions.Registers;
using Platform.Abstractions.Security;
using Platform.Registers.Compounds;
using Platform.Registers.Facilities;
using Platform.Registers.Geography;
using Platform.Registers.Shared;
using Platform.Registers.Sites;
using Platform.Spatial;

namespace Platform.Registers.Import;

/// <summary>
/// <c>POST /api/imports/{register}?format=csv|geojson|shapefile|geopackage[&amp;mode=skip-invalid]</c> with the
/// file as the body. Every row is checked — against the stored records, against the street's territory, and against
/// the other rows of the same file — before anything is written. By default the import is all or nothing: one bad
/// row refuses the whole file (422, every bad row listed with its reason). With <c>mode=skip-invalid</c> the good rows
/// are registered and the bad ones reported. Never half a row.
/// </summary>
/// <remarks>
/// Each import is recorded with the SHA-256 of the uploaded bytes: the same file into the same register a second
/// time is refused (409, naming who imported it and when), so a repeated upload never duplicates a register. A
/// caller who really means to register the same rows twice changes the file (or imports through the register's own
/// endpoints); <c>onDuplicate=refuse</c> is the only value offered so far — replacing an earlier import's records
/// would need a way to retire them in every register, which compounds and roads do not have yet.
/// </remarks>
internal static class ImportEndpoints
{
    private sealed record Row(int Number, FeatureRecord Record);

    private sealed record RowProblem(int Row, string Field, string Reason, string ReasonZh);

    public static void MapImportEndpoints(this IEndpointRouteBuilder app) =>
        app.MapPost("/api/imports/{register}", async (string register, string? format, string? mode, string? crs, string? encoding, string? onDuplicate,
            HttpContext http, IGrainFactory grains, IDocumentStore store, IJurisdictionLocator jurisdiction, PlaceMustLieWithinTheStreetTerritoryRule territory) =>
        {
            if (register is not ("sites" or "compounds" or "facilities" or "roads"))
                return ProblemResults.Problem(404, "register", "Registers that import: sites, compounds, facilities, roads.", "可导入的登记簿：sites、compounds、facilities、roads。");
            if (mode is not (null or "all-or-nothing" or "skip-invalid"))
                return ProblemResults.Problem(400, "mode", "mode is all-or-nothing (default) or skip-invalid.", "mode 须为 all-or-nothing（默认）或 skip-invalid。");
            if (onDuplicate is not (null or "refuse"))
                return ProblemResults.Problem(400, "onDuplicate",
                    "onDuplicate is refuse (the default): a file already imported into this register is refused. Replacing an earlier import is not offered yet.",
                    "onDuplicate 须为 refuse（默认）：已导入过的文件将被拒绝；暂不支持替换此前的导入。");
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
            var sha256 = Convert.ToHexStringLower(SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)));
            buffer.Position = 0;
            await using (var query = store.QuerySession())
            {
                if (await query.Query<RegisterImport>().FirstOrDefaultAsync(i => i.Register == register && i.Sha256 == sha256, http.RequestAborted) is { } earlier)
                {
                    var when = earlier.ImportedAt.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
                    var who = earlier.ImportedBy ?? "?";
                    return ProblemResults.Problem(409, "body",
                        $"This file (SHA-256 {sha256}) was already imported into {register} by {who} on {when} (UTC+8), creating {earlier.RecordIds.Count} records; nothing was imported again.",
                        $"该文件（SHA-256 {sha256}）已由 {who} 于 {when}（北京时间）导入{register}，共 {earlier.RecordIds.Count} 条记录；本次未重复导入。",
                        new Dictionary<string, object?> { ["sha256"] = sha256, ["earlierImport"] = new { id = earlier.Id, importedBy = who, importedAt = earlier.ImportedAt, records = earlier.RecordIds.Count } });
                }
            }
            FeatureLayer layer;
            try
            {
                layer = Read(buffer, format, crs, encoding);
            }
            catch (FeatureImportException e)
            {
                return ProblemResults.Problem(400, "body", e.Message, e.MessageZh);
            }
            catch (Exception e) when (e is FormatException or JsonException or UnknownCrsException or InvalidDataException or CoordinateOutOfRangeException or ArgumentException or NotSupportedException or OverflowException)
            {
                return ProblemResults.Problem(400, "body", $"The file could not be read as {format}: {e.Message}", "无法按指定格式读取文件。");
            }

            var rows = layer.Features.Select((f, i) => new Row(i + 1, f)).ToList();
            var problems = new List<RowProblem>();
            foreach (var row in rows)
                problems.AddRange(await CheckAsync(register, row, store, jurisdiction, territory, http.User));
            // Rows are checked against each other too: two new sites drawn over each other both pass the check
            // against the stored sites, and would be half a file once the first was written.
            var wellFormed = rows.Where(r => problems.All(p => p.Row != r.Number)).Select(r => (r.Number, Text(r.Record.Attributes, "name"), r.Record.Geometry)).ToList();
            problems.AddRange(ImportRowsMustNotClashRule.Check(register, wellFormed).Select(c => new RowProblem(c.Row, c.Field, c.Reason, c.ReasonZh)));
            problems.Sort((a, b) => a.Row.CompareTo(b.Row));
            var bad = problems.Select(p => p.Row).ToHashSet();
            if (problems.Count > 0 && mode != "skip-invalid")
            {
                return Results.Json(new
                {
                    type = "about:blank", title = "Import refused", status = 422,
                    detail = $"{bad.Count} of {rows.Count} rows are invalid; nothing was imported.",
                    detailZh = $"共 {rows.Count} 行，其中 {bad.Count} 行有误，未导入任何数据。",
                    imported = 0, refused = problems,
                }, statusCode: 422, contentType: "application/problem+json");
            }
            var imported = new List<(int Row, Guid Id)>();
            var context = http.User.ToCommandContext($"导入{register}（{format}）", http.TraceIdentifier);
            foreach (var row in rows.Where(r => !bad.Contains(r.Number)))
            {
                var id = Guid.NewGuid();
                var result = await RegisterAsync(register, id, row.Record, grains, context);
                if (result.Rejection is { } r)
                    problems.Add(new RowProblem(row.Number, r.Field, r.Reason, r.ReasonZh ?? r.Reason));
                else
                    imported.Add((row.Number, id));
            }
            var import = new RegisterImport
            {
                Id = Guid.NewGuid(), Register = register, Sha256 = sha256, Format = format ?? "", ImportedBy = http.User.Identity?.Name,
                ImportedAt = DateTimeOffset.UtcNow, RecordIds = [.. imported.Select(i => i.Id)],
            };
            if (import.RecordIds.Count > 0)
            {
                await using var session = store.LightweightSession();
                session.Store(import);
                await session.SaveChangesAsync(CancellationToken.None);
            }
            return Results.Ok(new ImportAnswer(
                imported.Count, [.. imported.Select(i => new ImportedRow(i.Row, i.Id))], problems,
                layer.SourceCrs, layer.SourceEncoding, import.RecordIds.Count > 0 ? import.Id : null, sha256));
        }).RequireAuthorization(PlatformPolicies.Administer).Produces<ImportAnswer>();

    /// <summary>What an import wrote: each imported row's new record, the rows refused (in skip-invalid mode, or by a race), how the file was read.</summary>
    /// <param name="SourceCrs">The coordinate reference system the file was read in (reprojected to EPSG:4490).</param>
    /// <param name="ImportId">The import's record (null when nothing was written); the same file again is refused.</param>
    /// <param name="Sha256">The SHA-256 of the upload.</param>
    private sealed record ImportAnswer(int Imported, IReadOnlyList<ImportedRow> Rows, IReadOnlyList<RowProblem> Refused, string? SourceCrs, string? SourceEncoding, Guid? ImportId, string Sha256);

    /// <summary>A row of the file (1 for the first feature) and the record it became.</summary>
    private sealed record ImportedRow(int Row, Guid Id);

    private static FeatureLayer Read(Stream input, string? format, string? crs, string? encoding)
    {
        var text = encoding is null ? null : System.Text.Encoding.GetEncoding(encoding);
        switch (format)
        {
            case "csv":
                return CsvPoints.Import(input, new CsvImportOptions { Crs = crs ?? StorageCrs.Code, Encoding = text });
            case "shapefile":
                return ShapefileZip.Import(input, new ShapefileImportOptions { Encoding = text, SourceCrs = crs });
            case "geopackage":
                return GeoPackageFile.Import(input, new GeoPackageImportOptions { SourceCrs = crs });
            case "geojson":
                var collection = JsonSerializer.Deserialize<FeatureCollection>(input, GeoJson.Options)
                    ?? throw new FormatException("empty GeoJSON");
                return new FeatureLayer("geojson", collection.Select(f => new FeatureRecord(
                    crs is null || crs == StorageCrs.Code ? f.Geometry : CoordinateTransformer.Transform(f.Geometry, crs, StorageCrs.Code),
                    (IReadOnlyDictionary<string, object?>)(f.Attributes?.GetNames().ToDictionary(n => n, n => (object?)f.Attributes[n]) ?? new Dictionary<string, object?>()))).ToList())
                { SourceCrs = crs ?? StorageCrs.Code };
            default:
                throw new FormatException("format must be csv, geojson, shapefile or geopackage");
        }
    }

    private static async Task<IEnumerable<RowProblem>> CheckAsync(string register, Row row, IDocumentStore store, IJurisdictionLocator jurisdiction,
        PlaceMustLieWithinTheStreetTerritoryRule territory, System.Security.Claims.ClaimsPrincipal user)
    {
        var problems = new List<RowProblem>();
        var a = row.Record.Attributes;
        var g = row.Record.Geometry;
        if (string.IsNullOrWhiteSpace(Text(a, "name")))
            problems.Add(new(row.Number, "name", "The name is missing.", "缺少名称。"));
        if (g is null || g.IsEmpty)
        {
            problems.Add(new(row.Number, "geometry", "The row has no geometry.", "该行缺少几何图形。"));
            return problems;
        }
        // Numbers are checked before anything is written: "NaN", 1e30 or text where a number belongs refuses the row.
        foreach (var (key, max, zh) in new[] { ("budgetWan", 1e9, "投资额"), ("households", 100_000d, "户数") })
            if (Text(a, key) is { } raw && (Number(a, key) is not { } value || !double.IsFinite(value) || value < 0 || value > max))
                problems.Add(new(row.Number, key, $"'{raw}' is not a number from 0 to {max}.", $"“{zh}”须为 0 至 {max} 之间的数字。"));
        var validation = GeometryValidator.Validate(g);
        if (!validation.Valid)
        {
            var at = validation.Location is { } l ? string.Format(CultureInfo.InvariantCulture, " at {0:0.000000},{1:0.000000}", l[0], l[1]) : "";
            problems.Add(new(row.Number, "geometry", (validation.Reason ?? "invalid geometry") + at, validation.ReasonZh ?? "几何图形无效。"));
            return problems;
        }
        if (await territory.CheckAsync(g) is { } outside)
        {
            problems.Add(new(row.Number, outside.Field, outside.Reason, outside.ReasonZh ?? outside.Reason));
            return problems;
        }
        switch (register)
        {
            case "compounds":
                if (!CompoundKinds.All.ContainsKey(Text(a, "kind") ?? ""))
                    problems.Add(new(row.Number, "kind", "kind is commercial, resettlement, talent or village.", "小区类型无效。"));
                if (g is not (Polygon or MultiPolygon))
                    problems.Add(new(row.Number, "geometry", "A compound's boundary is a polygon.", "小区范围须为面。"));
                if (Number(a, "households") is < 0)
                    problems.Add(new(row.Number, "households", "Households cannot be negative.", "户数不能为负。"));
                break;
            case "facilities":
                if (FacilityCategories.Find(Text(a, "category")) is null)
                    problems.Add(new(row.Number, "category", $"Unknown category '{Text(a, "category")}'.", "设施类别未知。"));
                if (g is not Point)
                    problems.Add(new(row.Number, "geometry", "A facility is a point.", "设施位置须为点。"));
                break;
            case "roads":
                if (g is not (LineString or MultiLineString))
                    problems.Add(new(row.Number, "geometry", "A road is a line (its centre line).", "道路须为线（道路中心线）。"));
                if (Text(a, "class") is { } roadClass && roadClass is not ("main" or "local"))
                    problems.Add(new(row.Number, "class", "A road's class is main or local.", "道路等级须为 main（主干路）或 local（支路）。"));
                break;
            case "sites":
                if (Text(a, "status") is { } s && !SiteStatuses.TryParse(s, out _))
                    problems.Add(new(row.Number, "status", $"Unknown status '{s}'.", "点位状态无效。"));
                if (Number(a, "budgetWan") is < 0)
                    problems.Add(new(row.Number, "budgetWan", "The budget cannot be negative.", "投资额不能为负。"));
                if (await SitePlacementRules.CheckAsync(g, Guid.Empty, store, jurisdiction) is { } placement)
                    problems.Add(new(row.Number, placement.Field, placement.Reason, placement.ReasonZh ?? placement.Reason));
                break;
        }
        if (!user.IsInRole(PlatformRoles.Administrator))
            problems.Add(new(row.Number, "role", "Only administrators import.", "仅管理员可导入。"));
        return problems;
    }

    private static Task<CommandResult> RegisterAsync(string register, Guid id, FeatureRecord record, IGrainFactory grains, CommandContext context)
    {
        var a = record.Attributes;
        var wkt = WellKnownText.Write(record.Geometry);
        return register switch
        {
            "compounds" => grains.GetGrain<ICompoundGrain>(id).RegisterAsync(new RegisterCompound(Text(a, "name")!, Text(a, "kind")!, wkt,
                (int)(Number(a, "households") ?? 0), Text(a, "propertyCompany") ?? Text(a, "property"), null, Wire.Today), context),
            "roads" => grains.GetGrain<IBaseFeatureGrain>(id).RecordAsync(new RecordBaseFeature(Text(a, "name")!, "road", wkt, Text(a, "class")), context),
            "facilities" => grains.GetGrain<IFacilityGrain>(id).RegisterAsync(new RegisterFacility(Text(a, "name")!, Text(a, "category")!, wkt, Wire.Today, null), context),
            _ => grains.GetGrain<ISiteGrain>(id).RegisterAsync(new RegisterSite(Text(a, "name")!, Text(a, "category") ?? "project", wkt,
                Text(a, "status") is { } s && SiteStatuses.TryParse(s, out var status) ? status : SiteStatus.Proposed, Wire.Today,
                Number(a, "budgetWan") is { } b ? (decimal)b : null, Text(a, "owner"), null), context),
        };
    }

    private static string? Text(IReadOnlyDictionary<string, object?> a, string key) =>
        a.FirstOrDefault(kv => string.Equals(kv.Key, key, StringComparison.OrdinalIgnoreCase)).Value is { } v && Convert.ToString(v, CultureInfo.InvariantCulture) is { Length: > 0 } s ? s.Trim() : null;

    private static double? Number(IReadOnlyDictionary<string, object?> a, string key) =>
        Text(a, key) is { } s && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
}
