using JasperFx.Events.Projections;
using Marten;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Platform.Abstractions.Cli;
using Platform.Reports.Cli;
using Platform.Reports.Http;
using Platform.Reports.InProcess;
using Platform.Reports.Model;
using Platform.Reports.Overrides;
using Platform.Reports.Rendering;

namespace Platform.Reports;

/// <summary>The module's entry for the host: reports from records (Scriban templates → DOCX, HTML, Markdown), their endpoints and CLI verb.</summary>
public static class ReportsModule
{
    public static IServiceCollection AddReports(this IServiceCollection services)
    {
        services.AddSingleton<InProcessRequests>();
        services.AddSingleton<SceneStatistics>();
        services.AddSingleton<MapFigures>();
        services.AddSingleton<ReportModelBuilder>();
        services.AddSingleton<ReportTemplates>();
        services.AddSingleton<ReportEngine>();
        services.AddSingleton<ICliVerb, ReportVerb>();
        services.ConfigureMarten(options =>
        {
            options.Events.MapEventType<ReportTemplateRevised>("reports.template_revised");
            options.Events.MapEventType<ReportTemplateReverted>("reports.template_reverted");
            options.Projections.Add(new ReportTemplateOverrideProjection(), ProjectionLifecycle.Inline);
        });
        return services;
    }

    public static IEndpointRouteBuilder MapReportEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapReportOutputEndpoints();
        app.MapTemplateEndpoints();
        return app;
    }
}
