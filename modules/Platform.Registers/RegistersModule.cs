using JasperFx.Events.Projections;
using Marten;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Platform.Abstractions.Registers;
using Platform.Abstractions.Reports;
using Platform.Abstractions.Web;
using Platform.Registers.Compounds;
using Platform.Registers.Facilities;
using Platform.Registers.Generator;
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
        services.AddSingleton<Platform.Abstractions.Cli.ICliVerb, CityVerb>();
        services.ConfigureMarten(ConfigureEventStore);
        RegisterLayers.Register(services);
        services.AddSingleton(new WebPanel("compound-edit", "小区编辑", "Edit compounds", "/panels/Platform.Registers/compounds.js", 20));
        services.AddSingleton(new WebPanel("facility-edit", "设施编辑", "Edit facilities", "/panels/Platform.Registers/facilities.js", 21));
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
        options.Events.MapEventType<CompoundReshaped>("registers.compound_reshaped");
        options.Events.MapEventType<CompoundRetired>("registers.compound_retired");
        options.Events.MapEventType<FacilityDetailsRevised>("registers.facility_details_revised");
        options.Events.MapEventType<FacilityMoved>("registers.facility_moved");
        options.Events.MapEventType<FacilityRetired>("registers.facility_retired");
        options.Events.MapEventType<ServiceHubDetailsRevised>("registers.service_hub_details_revised");
        options.Events.MapEventType<ServiceHubMoved>("registers.service_hub_moved");
        options.Events.MapEventType<ServiceHubRetired>("registers.service_hub_retired");
        options.Events.MapEventType<ZoneRevised>("registers.zone_revised");
        options.Events.MapEventType<ZoneReshaped>("registers.zone_reshaped");
        options.Events.MapEventType<ZoneRetired>("registers.zone_retired");
        options.Events.MapEventType<BaseFeatureRevised>("registers.base_feature_revised");
        options.Events.MapEventType<BaseFeatureReshaped>("registers.base_feature_reshaped");
        options.Events.MapEventType<BaseFeatureRetired>("registers.base_feature_retired");
        options.Schema.For<RegisterImport>().Index(i => i.Sha256);
        options.Projections.Add(new SiteSummaryProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new CompoundSummaryProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new FacilitySummaryProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new ServiceHubSummaryProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new PlanningZoneProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new BaseFeatureProjection(), ProjectionLifecycle.Inline);
    }
}
