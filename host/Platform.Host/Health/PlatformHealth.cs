using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using Orleans.Runtime;
using Platform.Host.Database;
using Platform.Host.Plugins;
using Platform.Maps.Print;

namespace Platform.Host.Health;

/// <summary>
/// <c>GET /health</c>: the database, the silo and the plugins, as JSON. HTTP 200 only when all three
/// are healthy; a failed plugin makes the answer 503 "degraded" although the rest keeps serving. The font printed maps
/// use is reported too (<c>printFont</c>), always healthy: without one only printing answers 503, the rest serves.
/// </summary>
internal static class PlatformHealth
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    public static IServiceCollection AddPlatformHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<DatabaseCheck>("database")
            .AddCheck<SiloCheck>("silo")
            .AddCheck<PluginsCheck>("plugins")
            .AddCheck<PrintFontCheck>("printFont");
        return services;
    }

    public static void MapPlatformHealth(this WebApplication app) =>
        app.MapHealthChecks("/health", new HealthCheckOptions
        {
            ResultStatusCodes =
            {
                [HealthStatus.Healthy] = StatusCodes.Status200OK,
                [HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                [HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
            },
            ResponseWriter = WriteAsync,
        });

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            status = report.Status.ToString().ToLowerInvariant(),
            durationMs = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
            checks = report.Entries.ToDictionary(
                e => e.Key,
                e => new
                {
                    status = e.Value.Status.ToString().ToLowerInvariant(),
                    description = e.Value.Description,
                    error = e.Value.Exception?.Message,
                    data = e.Value.Data,
                }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body, Json));
    }

    private sealed class DatabaseCheck(PlatformDatabase database) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            await using var connection = new NpgsqlConnection(database.ConnectionString);
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand("select version(), current_user, current_setting('is_superuser') = 'on'", connection);
            await using var reader = await command.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            return HealthCheckResult.Healthy(reader.GetString(0), new Dictionary<string, object>
            {
                ["embedded"] = database.IsEmbedded,
                // The platform should connect as the owner of its schemas, not as a superuser (docs/operations.md).
                ["role"] = reader.GetString(1),
                ["superuser"] = reader.GetBoolean(2),
            });
        }
    }

    private sealed class SiloCheck(IGrainFactory grains) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true);
            return hosts.Count > 0
                ? HealthCheckResult.Healthy($"{hosts.Count} active silo(s)", new Dictionary<string, object>
                {
                    ["silos"] = hosts.Keys.Select(k => k.ToString()).ToArray(),
                })
                : HealthCheckResult.Unhealthy("no active silo");
        }
    }

    private sealed class PluginsCheck(PluginCatalog catalog) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            var data = catalog.Entries.ToDictionary(e => e.Id, e => (object)e.State.ToString().ToLowerInvariant());
            var failed = catalog.Entries.Where(e => e.State == PluginState.Failed).ToList();
            return Task.FromResult(failed.Count == 0
                ? HealthCheckResult.Healthy(
                    $"{catalog.Entries.Count(e => e.State == PluginState.Running)} of {catalog.Entries.Count} plugin(s) running, the others disabled", data)
                : HealthCheckResult.Degraded(
                    string.Join("; ", failed.Select(f => $"{f.Id}: {f.Reason}")), data: data));
        }
    }

    private sealed class PrintFontCheck : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            var font = PrintFonts.Status();
            var data = new Dictionary<string, object>
            {
                ["family"] = (object?)font.Family ?? "",
                ["file"] = (object?)font.File ?? "",
                ["boldFamily"] = (object?)font.BoldFamily ?? "",
                ["source"] = font.Source,
                ["refused"] = font.Refused.ToArray(),
                ["checkedAt"] = font.CheckedAt,
            };
            return Task.FromResult(HealthCheckResult.Healthy(
                font.Family is not null
                    ? $"printed maps use {font.Family}"
                    : "no font with Chinese and Latin glyphs: printed maps are refused (503) until one is installed (apt-get install fonts-noto-cjk)",
                data));
        }
    }
}
