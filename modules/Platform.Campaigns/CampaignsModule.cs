using JasperFx.Events.Projections;
using Marten;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Abstractions.Maps;
using Platform.Abstractions.Reports;
using Platform.Abstractions.Web;
using Platform.Campaigns.Campaigns;
using Platform.Campaigns.Forms;
using Platform.Campaigns.Households;
using Platform.Campaigns.Passes;
using Platform.Campaigns.Reports;
using Platform.Campaigns.Work;

namespace Platform.Campaigns;

/// <summary>
/// The module's entry for the host: door-to-door campaigns and emergency work — households, campaigns and visits, entrance
/// QR passes (双色卡), report forms, secondments, leading groups and exchanges (sections (一) to (三) of the work summary).
/// </summary>
public static class CampaignsModule
{
    public static IServiceCollection AddCampaigns(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.ConfigureMarten(ConfigureEventStore);
        services.AddSingleton<EntryRecordPurge>();
        services.AddHostedService<EntryPurgeSchedule>();
        services.AddSingleton<IMapLayer, CampaignCoverageLayer>();
        services.AddSingleton<CampaignReportSection>();
        services.AddSingleton<IReportSection>(sp => sp.GetRequiredService<CampaignReportSection>());
        services.AddSingleton(new WebMenuEntry("campaign-visits", "我的走访任务", "My visits", "/campaigns/visits", 64));
        services.AddSingleton(new WebMenuEntry("campaigns", "入户排查与双色卡", "Campaigns and entrance passes", "/campaigns/manage", 65));
        return services;
    }

    public static IEndpointRouteBuilder MapCampaignsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPassEndpoints();
        app.MapHouseholdEndpoints();
        app.MapCampaignEndpoints();
        app.MapFormEndpoints();
        app.MapWorkEndpoints();
        return app;
    }

    private static void ConfigureEventStore(StoreOptions options)
    {
        options.Events.MapEventType<PassCategoriesNamed>("campaigns.pass_categories_named");
        options.Events.MapEventType<EntrancePassIssued>("campaigns.entrance_pass_issued");
        options.Events.MapEventType<EntrancePassRevoked>("campaigns.entrance_pass_revoked");
        options.Events.MapEventType<HouseholdsRegistered>("campaigns.households_registered");
        options.Events.MapEventType<CampaignLaunched>("campaigns.campaign_launched");
        options.Events.MapEventType<VisitsAssigned>("campaigns.visits_assigned");
        options.Events.MapEventType<VisitsRecorded>("campaigns.visits_recorded");
        options.Events.MapEventType<ReportFormDefined>("campaigns.report_form_defined");
        options.Events.MapEventType<ReportFormSubmitted>("campaigns.report_form_submitted");
        options.Events.MapEventType<StaffSeconded>("campaigns.staff_seconded");
        options.Events.MapEventType<SecondmentEnded>("campaigns.secondment_ended");
        options.Events.MapEventType<LeadingGroupEstablished>("campaigns.leading_group_established");
        options.Events.MapEventType<LeadingGroupRecomposed>("campaigns.leading_group_recomposed");
        options.Events.MapEventType<ExchangeRecorded>("campaigns.exchange_recorded");
        options.Projections.Add(new PassSchemeProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new ReportFormProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new SecondmentProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new LeadingGroupProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new ExchangeProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new EntrancePassProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new HouseholdRegisterProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new CampaignProjection(), ProjectionLifecycle.Inline);
        options.Schema.For<EntryRecord>().Index(e => e.At).Index(e => e.PassNo);
        options.Schema.For<EntranceDayCount>().Index(e => e.Day);
    }
}
