using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Platform.Abstractions.Commands;
using Platform.Plugins.Example.Places;

namespace Platform.Plugins.Example.Demo;

/// <summary>
/// Demo data, only when the deployment runs the demo (<c>Platform:Demo</c>, on by default) and only once: a restart
/// calls <c>StartAsync</c> again, so it looks before it writes.
/// </summary>
internal static class PlaceDemo
{
    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        if (!services.GetRequiredService<IConfiguration>().GetValue("Platform:Demo", true))
            return;
        await using (var query = services.GetRequiredService<IDocumentStore>().QuerySession())
        {
            if (await query.Query<PlaceView>().AnyAsync(ct))
                return;
        }
        var grains = services.GetRequiredService<IGrainFactory>();
        var result = await grains.GetGrain<IPlaceGrain>(Guid.NewGuid())
            .RecordAsync(new RecordPlace("兴隆湖（演示）", 104.0735, 30.4005), CommandContext.System("演示数据"));
        if (!result.Accepted)
            throw new InvalidOperationException($"The demo place was refused: {result.Rejection!.Reason}");
    }
}
