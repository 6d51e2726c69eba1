using System.Net;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using JasperFx;
using Marten;
using Orleans.Serialization;
using Platform.Host.Database;
using Platform.Host.Demo;
using Platform.Host.Durability;
using Platform.Host.Health;
using Platform.Host.Audit;
using Platform.Host.Identity;
using Platform.Host.Maps;
using Platform.Host.OpenApi;
using Platform.Abstractions.Maps;
using Platform.Abstractions.Cli;
using Platform.Abstractions.Reports;
using Platform.Host.Cli;
using Platform.Host.Cluster;
using Platform.Host.Compression;
using Platform.Campaigns;
using Platform.Governance;
using Platform.Jurisdiction;
using Platform.Jurisdiction.Http;
using Platform.Maps;
using Platform.Linkage;
using Platform.Registers;
using Platform.Reports;
using Platform.Spatial;
using Platform.Host.Plugins;
using Platform.Host.Security;

namespace Platform.Host;

/// <summary>
/// The composition root: one ASP.NET Core application co-hosting an Orleans silo, with Marten on
/// PostgreSQL and the scenario plugins loaded before the silo is built.
/// </summary>
public static class PlatformApplication
{
    /// <summary>Builds the application, or prints one line and returns null when it cannot run here.</summary>
    public static WebApplication? Build(string[] args)
    {
        // Settings and web assets are found next to the binaries wherever the process is started from;
        // relative paths in settings (the data folder) still resolve against the working directory.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        var settings = PlatformSettings.From(builder.Configuration);
        if (settings.ConnectionString is null && !PostgresAvailable(settings))
            return null;

        var startupMessages = new List<string>();
        var catalog = PluginLoader.Load(settings.PluginDirectory, startupMessages.Add);
        builder.Services.AddSingleton(catalog);
        builder.Services.AddSingleton(sp => PlatformSettings.From(sp.GetRequiredService<IConfiguration>()));
        builder.Services.AddSingleton(sp => PlatformDatabase.Open(
            sp.GetRequiredService<PlatformSettings>(),
            sp.GetRequiredService<ILoggerFactory>().CreateLogger("Platform.Database")));

        ConfigureJson(builder.Services);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<Platform.Host.Durability.DatabaseUnavailableHandler>();
        builder.Services.AddHostedService<Platform.Host.Durability.EmbeddedServerWatchdog>();
        builder.Services.AddSingleton<Platform.Host.Durability.OperationsDataSource>();
        builder.Services.AddPlatformIdentity(settings);
        builder.Services.AddPlatformRateLimits(builder.Configuration);
        var limits = Security.RequestLimits.From(builder.Configuration);
        builder.WebHost.ConfigureKestrel(o => o.Limits.MaxRequestBodySize = Math.Max(limits.UploadBytes, limits.JsonBytes));
        builder.Services.AddJurisdiction(builder.Configuration);
        builder.Services.AddRegisters();
        builder.Services.AddLinkage(builder.Configuration);
        builder.Services.AddReports();
        builder.Services.AddGovernance();
        builder.Services.AddCampaigns();
        builder.Services.AddSingleton<ChangeNotifier>();
        builder.Services.AddHostedService<ChangeFeed>();
        builder.Services.AddSingleton<Platform.Abstractions.Commands.PlaceMustLieWithinTheStreetTerritoryRule>();
        builder.Services.AddSingleton<Platform.Abstractions.Commands.EventWriter>();
        builder.Services.AddSingleton<LayerCatalog>();
        builder.Services.AddSingleton<IReportSectionCatalog, ActiveReportSections>();
        builder.Services.AddSingleton<ICliVerb, UserVerb>();
        builder.Services.AddSingleton<ICliVerb, RebuildVerb>();
        builder.Services.AddSingleton<ILayerCatalog>(sp => sp.GetRequiredService<LayerCatalog>());
        builder.Services.AddPlatformMaps(builder.Configuration);
        ComposePlugins(builder, catalog);
        ConfigureOrleans(builder, settings, catalog);
        ConfigureMarten(builder.Services, catalog);
        builder.Services.AddSingleton<PluginStarter>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<PluginStarter>());
        builder.Services.AddHostedService<DemoSeeder>();
        builder.Services.AddHostedService<DemoPasswordWarning>();
        builder.Services.AddPlatformHealthChecks();
        builder.Services.AddPlatformOpenApi();
        builder.Services.AddPlatformCompression();

        var app = builder.Build();
        foreach (var message in startupMessages)
            app.Logger.LogInformation("{Message}", message);
        app.UsePlatformCompression();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseSecurityHeaders();
        app.UseAuthentication();
        app.UseSecurityStampCheck();
        app.UseAuthorization();
        app.UseAnonymousWriteGuard();
        app.UseCsrfGuard();
        app.UseRateLimiter();
        app.UseRequestScreen(limits);
        app.UseRecordETags();
        app.UseIdempotencyKeys();
        app.MapPlatformHealth();
        app.MapAuthEndpoints();
        app.MapUserEndpoints();
        app.MapAuditEndpoints();
        app.MapSpatialEndpoints();
        app.MapJurisdictionEndpoints();
        app.MapRegisterEndpoints();
        app.MapLinkageEndpoints();
        app.MapReportEndpoints();
        app.MapGovernanceEndpoints();
        app.MapCampaignsEndpoints();
        app.MapLayerEndpoints();
        app.MapPlatformMaps();
        app.MapPluginEndpoints(catalog);
        app.MapPlatformOpenApi();
        return app;
    }

    private static bool PostgresAvailable(PlatformSettings settings)
    {
        try
        {
            PostgresBinaries.Locate(settings.PostgresBinDirectory);
            return true;
        }
        catch (PostgresNotInstalledException e)
        {
            Console.Error.WriteLine(e.Message);
            return false;
        }
    }

    private static void ConfigureJson(IServiceCollection services) =>
        services.ConfigureHttpJsonOptions(o =>
        {
            // Chinese text stays readable in answers instead of \uXXXX escapes.
            o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
            o.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        });

    private static void ComposePlugins(WebApplicationBuilder builder, PluginCatalog catalog) =>
        catalog.ForEachUsable("configure services", entry =>
        {
            // Registrations go through a scratch collection first, so that a plugin which throws
            // half-way leaves nothing behind in the host's container.
            var scratch = new ServiceCollection();
            entry.Instance!.ConfigureServices(scratch, builder.Configuration);
            var wrapped = scratch.Select(descriptor =>
                descriptor.ServiceType == typeof(IMapLayer) ? PluginLayer.Wrap(descriptor, entry)
                : descriptor.ServiceType == typeof(IReportSection) ? PluginReportSection.Wrap(descriptor, entry)
                : PluginWebContribution.Wrap(descriptor, entry) ?? descriptor).ToList();
            foreach (var descriptor in wrapped)
                builder.Services.Add(descriptor);
        });

    private static void ConfigureOrleans(WebApplicationBuilder builder, PlatformSettings settings, PluginCatalog catalog)
    {
        var siloPort = settings.SiloPort != 0 ? settings.SiloPort : LoopbackPorts.Free();
        var gatewayPort = settings.GatewayPort != 0 ? settings.GatewayPort : LoopbackPorts.Free();
        builder.UseOrleans(silo =>
        {
            if (settings.Cluster)
            {
                // Every silo on the same database joins one cluster (membership in orleans.membership).
                silo.Configure<Orleans.Configuration.ClusterOptions>(o =>
                {
                    o.ServiceId = "community-platform";
                    o.ClusterId = "platform";
                });
                silo.ConfigureEndpoints(IPAddress.Parse(settings.SiloAddress), siloPort, gatewayPort, listenOnAnyHostAddress: true);
                silo.Services.AddSingleton<IMembershipTable, PostgresMembershipTable>();
            }
            else
            {
                silo.UseLocalhostClustering(siloPort, gatewayPort, serviceId: "community-platform", clusterId: "platform");
                silo.Configure<Orleans.Configuration.EndpointOptions>(o => o.AdvertisedIPAddress = IPAddress.Loopback);
            }
            // Reminders live in the platform's PostgreSQL in both modes, so they survive restarts and move between silos.
            silo.AddReminders();
            silo.Services.AddSingleton<IReminderTable, PostgresReminderTable>();
            // Plugins are loaded late, so Orleans does not find their grains and codecs by itself.
            foreach (var entry in catalog.Usable)
            {
                var assembly = entry.Assembly!;
                silo.Services.AddSerializer(s => s.AddAssembly(assembly));
            }
        });
    }

    private static void ConfigureMarten(IServiceCollection services, PluginCatalog catalog) =>
        services.AddMarten(sp =>
            {
                var options = new StoreOptions();
                options.Connection(sp.GetRequiredService<PlatformDatabase>().ConnectionString);
                options.DatabaseSchemaName = "platform";
                options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
                options.Events.MetadataConfig.HeadersEnabled = true;
                options.Events.MetadataConfig.UserNameEnabled = true;
                options.Events.MetadataConfig.CorrelationIdEnabled = true;
                options.Events.MetadataConfig.CausationIdEnabled = true;
                options.Listeners.Add(new ChangeListener(sp.GetRequiredService<ChangeNotifier>()));
                var logger = sp.GetRequiredService<ILoggerFactory>().CreateLogger("Platform.Plugins");
                catalog.ForEachUsable("configure event store", entry => entry.Instance!.ConfigureEventStore(options),
                    (entry, e) => logger.LogError(e, "Plugin {Plugin} failed to configure the event store", entry.Id));
                return options;
            })
            .UseLightweightSessions()
            .ApplyAllDatabaseChangesOnStartup();
}
