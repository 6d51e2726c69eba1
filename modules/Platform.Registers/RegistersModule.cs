using JasperFx.Events.Projections;
using Marten;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Platform.Abstractions.Registers;
using Platform.Abstractions.Reports;
using Platform.Registers.Compounds;
using Platform.Registers.Facilities;
using Platform.Registers.Geography;
using Platform.Registers.Import;
using Platform.Registers.Maps;
using Platform.Registers.Planning;
using Platform.Registers.Reading;
using Platform.Registers.Reports;
using Platform.Registers.Sites;

namespace Platform.Registers;

/// <summary>The module's entry for the host: services, event types, projections, layers and endpoints.</summary>
public static class RegistersModule
{
    public static IServiceCollection AddRegisters(this IServiceCollection services)
    {
        services.AddSingleton<IRegisterReader, RegisterReader>();
        services.AddSingleton<IReportSection, RegisterReportSection>();
        services.ConfigureMarten(ConfigureEventStore);
        RegisterLayers.Register(services);
        return services;
    }

    public static IEndpointRouteBuilder MapRegisterEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapSiteEndpoints();
        app.MapCompoundEndpoints();
        app.MapFacilityEndpoints();
        app.MapPlanningEndpoints();
        app.MapBaseFeatureEndpoints();
        app.MapImportEndpoints();
        return app;
    }

    private static void ConfigureEventStore(StoreOptions options)
    {
        options.Events.MapEventType<SiteRegistered>("registers.site_registered");
        options.Events.MapEventType<SiteStatusChanged>("registers.site_status_changed");
        options.Events.MapEventType<SiteReshaped>("registers.site_reshaped");
        options.Events.MapEventType<SiteDetailsRevised>("registers.site_details_revised");
        options.Events.MapEventType<CompoundRegistered>("registers.compound_registered");
        options.Events.MapEventType<BuildingAdded>("registers.building_added");
        options.Events.MapEventType<CompoundDetailsRevised>("registers.compound_details_revised");
        options.Events.MapEventType<FacilityRegistered>("registers.facility_registered");
        options.Events.MapEventType<FacilityClosed>("registers.facility_closed");
        options.Events.MapEventType<ServiceHubRegistered>("registers.service_hub_registered");
        options.Events.MapEventType<ZoneDesignated>("registers.zone_designated");
        options.Events.MapEventType<BaseFeatureRecorded>("registers.base_feature_recorded");
        options.Schema.For<RegisterImport>().Index(i => i.Sha256);
        options.Projections.Add(new SiteSummaryProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new CompoundSummaryProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new FacilitySummaryProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new ServiceHubSummaryProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new PlanningZoneProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new BaseFeatureProjection(), ProjectionLifecycle.Inline);
    }
}
