using JasperFx.Events.Projections;
using Marten;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Platform.Abstractions.Maps;
using Platform.Abstractions.Reports;
using Platform.Abstractions.Web;
using Platform.Governance.Complaints;
using Platform.Governance.Escalation;
using Platform.Governance.Http;
using Platform.Governance.Maps;
using Platform.Governance.Open311;
using Platform.Governance.Records;
using Platform.Governance.Reports;

namespace Platform.Governance;

/// <summary>The module's entry for the host: compound governance — complaints (and Open311), inspections, filings, property training.</summary>
public static class GovernanceModule
{
    public static IServiceCollection AddGovernance(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.ConfigureMarten(ConfigureEventStore);
        services.AddSingleton<IMapLayer, ComplaintLayer>();
        services.AddSingleton<IMapLayer, InspectionLayer>();
        services.AddSingleton<GovernanceReportSection>();
        services.AddSingleton<IReportSection>(sp => sp.GetRequiredService<GovernanceReportSection>());
        services.AddHostedService<EscalationTimers>();
        services.AddSingleton(new WebPanel("complaint-heat", "投诉热力图", "Complaint heat map", "/panels/Platform.Governance/heatmap.js", 60));
        services.AddSingleton(new WebMenuEntry("complaints", "小区投诉", "Complaints", "/complaints.html", 60));
        services.AddSingleton(new WebMenuEntry("complaint-queue", "投诉工单", "Complaint queue", "/worker.html", 61));
        services.AddSingleton(new WebMenuEntry("inspections", "检查、备案与培训", "Inspections, filings, training", "/inspection.html", 62));
        services.AddSingleton(new WebMenuEntry("complaint-settings", "投诉设置", "Complaint settings", "/complaint-settings.html", 63));
        return services;
    }

    public static IEndpointRouteBuilder MapGovernanceEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapComplaintEndpoints();
        app.MapOpen311Endpoints();
        app.MapRecordEndpoints();
        return app;
    }

    private static void ConfigureEventStore(StoreOptions options)
    {
        options.Events.MapEventType<ComplaintCategoryDefined>("governance.complaint_category_defined");
        options.Events.MapEventType<ComplaintCategoryRetired>("governance.complaint_category_retired");
        options.Events.MapEventType<ComplaintFiled>("governance.complaint_filed");
        options.Events.MapEventType<ComplaintStatusChanged>("governance.complaint_status_changed");
        options.Events.MapEventType<ComplaintPhotoAttached>("governance.complaint_photo_attached");
        options.Events.MapEventType<ComplaintEscalated>("governance.complaint_escalated");
        options.Events.MapEventType<Open311ClientRegistered>("governance.open311_client_registered");
        options.Events.MapEventType<Open311ClientRevoked>("governance.open311_client_revoked");
        options.Events.MapEventType<ResponseTemplateSaved>("governance.response_template_saved");
        options.Events.MapEventType<ResponseTemplateRetired>("governance.response_template_retired");
        options.Events.MapEventType<InspectionHeld>("governance.inspection_held");
        options.Events.MapEventType<FindingRectified>("governance.finding_rectified");
        options.Events.MapEventType<FindingVerified>("governance.finding_verified");
        options.Events.MapEventType<FindingPhotoAttached>("governance.finding_photo_attached");
        options.Events.MapEventType<FilingRecorded>("governance.filing_recorded");
        options.Events.MapEventType<TrainingHeld>("governance.training_held");
        options.Projections.Add(new ComplaintCategoryProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new ComplaintProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new Open311ClientProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new ResponseTemplateProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new InspectionProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new FilingProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new TrainingProjection(), ProjectionLifecycle.Inline);
        options.Schema.For<Complaint>().Index(c => c.ReporterUser!);
    }
}
