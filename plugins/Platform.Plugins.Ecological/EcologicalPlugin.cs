using JasperFx.Events.Projections;
using Marten;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.Abstractions.Maps;
using Platform.Abstractions.Plugins;
using Platform.Plugins.Ecological;
using Platform.Plugins.Ecological.Demo;
using Platform.Plugins.Ecological.Gardens;
using Platform.Plugins.Ecological.Households;
using Platform.Plugins.Ecological.Http;
using Platform.Plugins.Ecological.Lottery;
using Platform.Plugins.Ecological.Participation;
using Platform.Plugins.Ecological.Maps;
using Platform.Plugins.Ecological.Statistics;

[assembly: ScenarioPlugin(typeof(EcologicalPlugin),
    Id = "ecological", NameZh = "生态场景", NameEn = "Ecological scene",
    Version = "1.1.0", SdkVersion = "[1.2,2.0)")]

namespace Platform.Plugins.Ecological;

/// <summary>
/// The ecological scene: edible gardens and green plots (蓝家菜园, 蓝家绿地) laid out into plots that residents
/// register for and claim — first come first served, by lottery when oversubscribed, with a waiting list.
/// </summary>
public sealed class EcologicalPlugin : IScenarioPlugin
{
    private bool _demo = true;

    public void ConfigureServices(IServiceCollection services, IConfiguration configuration)
    {
        _demo = configuration.GetValue("Platform:Demo", true);
        services.AddSingleton<IMapLayer, PlotLayer>();
    }

    public void ConfigureEventStore(StoreOptions options)
    {
        options.Events.MapEventType<GardenLaidOut>("eco.garden_laid_out");
        options.Events.MapEventType<GardenPlotsLaidOut>("eco.garden_plots_laid_out");
        options.Events.MapEventType<SeasonOpened>("eco.season_opened");
        options.Events.MapEventType<PlotAdded>("eco.plot_added");
        options.Events.MapEventType<WaitingListJoined>("eco.waiting_list_joined");
        options.Events.MapEventType<WaitingListLeft>("eco.waiting_list_left");
        options.Events.MapEventType<LotteryRoundOpened>("eco.lottery_round_opened");
        options.Events.MapEventType<LotteryEntered>("eco.lottery_entered");
        options.Events.MapEventType<LotteryDrawn>("eco.lottery_drawn");
        options.Events.MapEventType<PlotLaidOut>("eco.plot_laid_out");
        options.Events.MapEventType<PlotClaimed>("eco.plot_claimed");
        options.Events.MapEventType<PlotReleased>("eco.plot_released");
        options.Events.MapEventType<PlotTransferred>("eco.plot_transferred");
        options.Events.MapEventType<PlotRenewed>("eco.plot_renewed");
        options.Events.MapEventType<PlotOffered>("eco.plot_offered");
        options.Events.MapEventType<PlotOfferLapsed>("eco.plot_offer_lapsed");
        options.Events.MapEventType<PlotReserved>("eco.plot_reserved");
        options.Events.MapEventType<PlotReservationLifted>("eco.plot_reservation_lifted");
        options.Events.MapEventType<HouseholdRegistered>("eco.household_registered");
        options.Projections.Add(new GardenProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new PlotProjection(), ProjectionLifecycle.Inline);
        options.Projections.Add(new HouseholdProjection(), ProjectionLifecycle.Inline);
        options.Events.MapEventType<ParticipationLimitSet>("eco.participation_limit_set");
        options.Projections.Add(new ParticipationRulesProjection(), ProjectionLifecycle.Inline);
        options.Schema.For<PlotView>().Index(p => p.GardenId);
    }

    public void MapEndpoints(IEndpointRouteBuilder scene)
    {
        scene.MapGardenEndpoints();
        scene.MapPlotEndpoints();
        scene.MapRegistrationEndpoints();
        scene.MapLotteryEndpoints();
        scene.MapStatisticsEndpoints();
    }

    public async Task StartAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<IDocumentStore>();
        var grains = services.GetRequiredService<IGrainFactory>();
        if (_demo)
            await EcologicalDemo.SeedAsync(grains, store, cancellationToken);
        // Wake every garden so that its timer lapses overdue offers after a restart.
        await using var query = store.QuerySession();
        foreach (var id in await query.Query<GardenView>().Select(g => g.Id).ToListAsync(cancellationToken))
            await grains.GetGrain<IGardenGrain>(id).SweepExpiredOffersAsync(Abstractions.Commands.CommandContext.System("候补递补确认期限已过"));
    }
}
