using JasperFx.Events.Projections;
using Marten;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.Abstractions.Jurisdiction;
using Platform.Abstractions.Maps;
using Platform.Abstractions.Plugins;
using Platform.Abstractions.Reports;
using Platform.Abstractions.Web;
using Platform.Plugins.Vitality;
using Platform.Plugins.Vitality.Activities;
using Platform.Plugins.Vitality.Demo;
using Platform.Plugins.Vitality.Feeds;
using Platform.Plugins.Vitality.Groups;
using Platform.Plugins.Vitality.Groups.Endpoints;
using Platform.Plugins.Vitality.Maps;
using Platform.Plugins.Vitality.Programme;
using Platform.Plugins.Vitality.Reports;
using Platform.Plugins.Vitality.Venues;

[assembly: ScenarioPlugin(typeof(VitalityPlugin),
    Id = "vitality", NameZh = "活力场景", NameEn = "Vitality scene",
    Version = "1.2.0", SdkVersion = "[1.6,2.0)")]

namespace Platform.Plugins.Vitality;

/// <summary>
/// The vitality scene: resident self-organisations and interest groups (一社区一特色), and the activities they and the
/// communities hold in shared spaces — community complexes, ground-floor spaces (架空层), squares.
/// </summary>
public sealed class VitalityPlugin : IScenarioPlugin
{
    private bool _demo = true;

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        _demo = configuration.GetValue("Platform:Demo", true);
        services.AddSingleton<IMapLayer, ActivityLayer>();
        services.AddSingleton<IMapLayer, VenueLayer>();
        services.AddSingleton(new WebMenuEntry("activities", "社区活动报名", "Community activities", "/activities.html", 70));
        services.AddSingleton(new WebMenuEntry("calendar", "活动日历与场地预约", "Calendar and venue booking", "/calendar.html", 71));
        services.AddSingleton<IReportSection, VitalityReportSection>();
        services.AddSingleton<IReportSection, VitalityFiguresSection>();
    }

    public void ConfigureEventStore(StoreOptions options)
    {
        options.Events.MapEventType<GroupFounded>("vitality.group_founded");
        options.Events.MapEventType<ActivityHeld>("vitality.activity_held");
        options.Projections.Add(new GroupProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new ActivityProjection(), ProjectionLifecycle.Inline);
        options.Events.MapEventType<VenueRegistered>("vitality.venue_registered");
        options.Events.MapEventType<VenueBooked>("vitality.venue_booked");
        options.Events.MapEventType<VenueBookingApproved>("vitality.venue_booking_approved");
        options.Events.MapEventType<VenueBookingCancelled>("vitality.venue_booking_cancelled");
        options.Projections.Add(new VenueProjection(), ProjectionLifecycle.Inline);
        options.Events.MapEventType<GroupStageReached>("vitality.group_stage_reached");
        options.Events.MapEventType<GroupMemberJoined>("vitality.group_member_joined");
        options.Events.MapEventType<GroupMemberLeft>("vitality.group_member_left");
        options.Events.MapEventType<GroupSignatureChanged>("vitality.group_signature_changed");
        options.Events.MapEventType<ActivityScheduled>("vitality.activity_scheduled");
        options.Events.MapEventType<ResidentSignedUp>("vitality.resident_signed_up");
        options.Events.MapEventType<SignUpCancelled>("vitality.sign_up_cancelled");
        options.Events.MapEventType<WaitingPromoted>("vitality.waiting_promoted");
        options.Events.MapEventType<ResidentCheckedIn>("vitality.resident_checked_in");
        options.Schema.For<ActivityView>().Index(a => a.HeldOn);
    }

    public void MapEndpoints(IEndpointRouteBuilder scene)
    {
        scene.MapGroupEndpoints();
        scene.MapActivityEndpoints();
        scene.MapVenueEndpoints();
        scene.MapProgrammeEndpoints();
        scene.MapCalendarFeed();
    }

    public async Task StartAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        if (_demo)
            await VitalityDemo.SeedAsync(services.GetRequiredService<IGrainFactory>(), services.GetRequiredService<IDocumentStore>(),
                services.GetRequiredService<IJurisdictionLocator>(), cancellationToken);
    }
}
