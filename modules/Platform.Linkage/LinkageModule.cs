using JasperFx.Events.Projections;
using Marten;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Abstractions.Maps;
using Platform.Abstractions.Reports;
using Platform.Abstractions.Web;
using Platform.Linkage.Demonstration;
using Platform.Linkage.Http;
using Platform.Linkage.Pools;
using Platform.Linkage.Projects;
using Platform.Linkage.Reports;
using Platform.Linkage.Situation;
using Platform.Linkage.Supervision;
using Platform.Linkage.Titles;
using Platform.Linkage.Trainings;

namespace Platform.Linkage;

/// <summary>The module's entry for the host: settings, event types, projections, the layer, the report section and the endpoints.</summary>
public static class LinkageModule
{
    public static IServiceCollection AddLinkage(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<LinkageOptions>(configuration.GetSection("Platform:Linkage"));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<TourPlanning>();
        services.AddSingleton<IMapLayer, DemonstrationSiteLayer>();
        services.AddSingleton<IReportSection, LinkageReportSection>();
        services.AddSingleton(new WebPanel("linkage-tour", "竞进拉练参观动线", "Demonstration tour", "/panels/Platform.Linkage/tour.js", 60));
        services.AddSingleton(new WebMenuEntry("linkage", "三社联动与社区资金", "Linkage and community funds", "/linkage.html", 40));
        services.ConfigureMarten(ConfigureEventStore);
        return services;
    }

    public static IEndpointRouteBuilder MapLinkageEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapProjectEndpoints();
        app.MapPoolEndpoints();
        app.MapStreetOfficeEndpoints();
        return app;
    }

    private static void ConfigureEventStore(StoreOptions options)
    {
        var e = options.Events;
        e.MapEventType<FundProjectRegistered>("linkage.fund_project_registered");
        e.MapEventType<ProjectDocumentAttached>("linkage.project_document_attached");
        e.MapEventType<MeetingRecorded>("linkage.meeting_recorded");
        e.MapEventType<NoticePosted>("linkage.notice_posted");
        e.MapEventType<ReviewRecorded>("linkage.review_recorded");
        e.MapEventType<ProjectStageEntered>("linkage.project_stage_entered");
        e.MapEventType<IncentiveApplied>("linkage.incentive_applied");
        e.MapEventType<IncentiveDecided>("linkage.incentive_decided");
        e.MapEventType<ProgressReported>("linkage.progress_reported");
        e.MapEventType<ResultRecorded>("linkage.result_recorded");
        e.MapEventType<SupervisionChecked>("linkage.supervision_checked");
        e.MapEventType<ProjectCategoryAdded>("linkage.project_category_added");
        e.MapEventType<ProjectCategoryRetired>("linkage.project_category_retired");
        e.MapEventType<LaunchConferenceHeld>("linkage.launch_conference_held");
        e.MapEventType<SocialOrganisationRegistered>("linkage.social_organisation_registered");
        e.MapEventType<SocialOrganisationStatusChanged>("linkage.social_organisation_status_changed");
        e.MapEventType<SocialWorkerRegistered>("linkage.social_worker_registered");
        e.MapEventType<SocialWorkerAvailabilityChanged>("linkage.social_worker_availability_changed");
        e.MapEventType<GuidanceCentreEstablished>("linkage.guidance_centre_established");
        e.MapEventType<BoutiqueProjectIncubated>("linkage.boutique_project_incubated");
        e.MapEventType<SupervisionTeamFormed>("linkage.supervision_team_formed");
        e.MapEventType<FundTrainingRecorded>("linkage.fund_training_recorded");
        e.MapEventType<DemonstrationSiteRegistered>("linkage.demonstration_site_registered");
        e.MapEventType<TitleApplied>("linkage.title_applied");
        e.MapEventType<TitleStageReached>("linkage.title_stage_reached");
        e.MapEventType<SituationReportIssued>("linkage.situation_report_issued");
        options.Schema.For<StoredDocument>().Index(d => d.ProjectId);
        options.Projections.Add(new FundProjectProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new ProjectCategoryProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new LaunchConferenceProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new SocialOrganisationProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new SocialWorkerProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new GuidanceCentreProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new SupervisionTeamProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new FundTrainingProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new DemonstrationSiteProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new TitleApplicationProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new SituationReportProjection(), ProjectionLifecycle.Inline);
    }
}
