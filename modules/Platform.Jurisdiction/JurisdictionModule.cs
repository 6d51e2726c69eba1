using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.Abstractions.Jurisdiction;
using Platform.Abstractions.Reports;
using Platform.Abstractions.Web;
using Platform.Jurisdiction.Decisions;
using Platform.Jurisdiction.Maps;
using Platform.Jurisdiction.Queries;
using Platform.Jurisdiction.Register;
using Platform.Jurisdiction.Reports;
using Platform.Jurisdiction.Units;

namespace Platform.Jurisdiction;

/// <summary>The module's one entry for the host: services, event types and projections.</summary>
public static class JurisdictionModule
{
    public static IServiceCollection AddJurisdiction(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<JurisdictionOptions>(configuration.GetSection("Jurisdiction"));
        services.AddSingleton<JurisdictionQueries>();
        services.AddSingleton<IJurisdictionLocator>(sp => sp.GetRequiredService<JurisdictionQueries>());
        services.AddSingleton<RestructuringFiguresReader>();
        services.AddSingleton<IReportSection, JurisdictionReportSection>();
        services.ConfigureMarten(ConfigureEventStore);
        JurisdictionLayers.Register(services);
        services.AddSingleton(new WebMenuEntry("restructuring", "行政区划调整", "Administrative restructuring", "/restructuring.html", 70));
        return services;
    }

    private static void ConfigureEventStore(StoreOptions options)
    {
        options.Events.MapEventType<UnitEstablished>("jurisdiction.unit_established");
        options.Events.MapEventType<UnitRenamed>("jurisdiction.unit_renamed");
        options.Events.MapEventType<VillageConvertedToCommunity>("jurisdiction.village_converted_to_community");
        options.Events.MapEventType<UnitAbolished>("jurisdiction.unit_abolished");
        options.Events.MapEventType<UnitsAbsorbed>("jurisdiction.units_absorbed");
        options.Events.MapEventType<BoundaryAdjusted>("jurisdiction.boundary_adjusted");
        options.Events.MapEventType<UnitReparented>("jurisdiction.unit_reparented");
        options.Events.MapEventType<HouseholdVoteHeld>("jurisdiction.household_vote_held");
        options.Events.MapEventType<DelegationGranted>("jurisdiction.delegation_granted");
        options.Projections.Add(new UnitHistoryProjection(), ProjectionLifecycle.Inline);
        options.Schema.For<DecisionDocument>();
    }
}
