using Marten;
using NetTopologySuite.Geometries;
using Platform.Abstractions.Commands;
using Platform.Plugins.Ecological.Gardens;
using Platform.Plugins.Ecological.Households;
using Platform.Spatial;

namespace Platform.Plugins.Ecological.Demo;

/// <summary>
/// The demo of the ecological scene in 蓝家店社区: 蓝家菜园 (edible, 16 m² plots) and 蓝家绿地 (green, 48 m² plots),
/// sixteen registered households in three compounds, first-come claims, an oversubscribed lottery round with a
/// recorded seed, and a released plot offered to the first household on the waiting list. Names and phone numbers
/// are invented. Loaded once: a later start finds 蓝家菜园 and skips it.
/// </summary>
internal static class EcologicalDemo
{
    public const string EdibleName = "蓝家菜园";
    public const string GreenName = "蓝家绿地";
    public const ulong LotterySeed = 20260301;

    // The middle of 蓝家店社区's territory in the demo jurisdiction; the community is recorded in case the
    // jurisdiction demo is not loaded yet when this runs (the host starts plugins first).
    private const double CentreLon = 104.060, CentreLat = 30.370;
    private const string CommunityCode = "XL-LJD", CommunityName = "蓝家店社区";

    public static async Task SeedAsync(IGrainFactory grains, IDocumentStore store, CancellationToken ct)
    {
        await using (var query = store.QuerySession())
        {
            if (await query.Query<GardenView>().AnyAsync(g => g.Name == EdibleName, ct))
                return;
        }
        var system = CommandContext.System("演示数据（示意）：蓝家菜园、蓝家绿地");
        var today = DateOnly.FromDateTime(DateTime.Today);
        var year = today.Month >= 3 ? today.Year : today.Year - 1;
        SeasonTerm Term(int y) => new(y.ToString(System.Globalization.CultureInfo.InvariantCulture), new DateOnly(y, 3, 1), new DateOnly(y + 1, 3, 1).AddDays(-1));
        var season = Term(year).Season;

        // Shapes in metres in the Gauss–Krüger zone around the centre, projected to EPSG:4490 by the spatial layer.
        var edibleId = Guid.NewGuid();
        await Must(grains.GetGrain<IGardenGrain>(edibleId).LayOutAsync(new LayOutGarden(EdibleName, GardenKinds.Edible,
            Site((-100, -30), (-36, -30), (-36, 10), (-60, 22), (-100, 22)), "grid", 16, 1, 0.5, [], [Term(year), Term(year + 1)], 72,
            CommunityCode, CommunityName), system));
        var greenId = Guid.NewGuid();
        await Must(grains.GetGrain<IGardenGrain>(greenId).LayOutAsync(new LayOutGarden(GreenName, GardenKinds.Green,
            Site((60, 40), (120, 40), (120, 64), (108, 76), (60, 76)), "grid", 48, 1.5, 0.5, [], [Term(year)], 72,
            CommunityCode, CommunityName), system));

        string[] compounds = ["蓝家店安置小区", "鹿溪苑", "兴隆湖畔小区"];
        string[] surnames = ["张", "李", "王", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "胡", "朱", "高", "林"];
        var households = new List<Guid>();
        for (var i = 0; i < surnames.Length; i++)
        {
            var id = Guid.NewGuid();
            // The first was registered by the demo resident (one household per resident account), who sees it under /registrations/mine.
            var by = i < 1 ? new CommandContext("resident", "报名登记（演示）", system.CorrelationId) : system;
            await Must(grains.GetGrain<IHouseholdGrain>(id).RegisterAsync(new RegisterHousehold(
                $"{surnames[i]}某（演示）", compounds[i % compounds.Length], null, $"138-0000-{i + 1:0000}", 2 + i % 4), by));
            households.Add(id);
        }

        List<PlotView> edible, green;
        await using (var query = store.QuerySession())
        {
            edible = (await query.Query<PlotView>().Where(p => p.GardenId == edibleId).ToListAsync(ct)).OrderBy(p => p.Number, StringComparer.Ordinal).ToList();
            green = (await query.Query<PlotView>().Where(p => p.GardenId == greenId).ToListAsync(ct)).OrderBy(p => p.Number, StringComparer.Ordinal).ToList();
        }
        for (var i = 0; i < 8; i++)
            await Must(grains.GetGrain<IPlotGrain>(edible[i].Id).ClaimAsync(households[i], season, system));
        for (var i = 0; i < 3; i++)
            await Must(grains.GetGrain<IPlotGrain>(green[i].Id).ClaimAsync(households[13 + i], season, system));

        // Three plots, five households: oversubscribed, so drawn with the recorded seed; two go to the waiting list.
        var edibleGarden = grains.GetGrain<IGardenGrain>(edibleId);
        var roundId = Guid.NewGuid();
        await Must(edibleGarden.OpenLotteryAsync(roundId, season, [edible[8].Id, edible[9].Id, edible[10].Id], system));
        for (var i = 8; i < 13; i++)
            await Must(edibleGarden.EnterLotteryAsync(roundId, households[i], system));
        await Must(edibleGarden.DrawLotteryAsync(roundId, LotterySeed, system));

        // A household gives its plot back; the first on the waiting list is offered it.
        await Must(grains.GetGrain<IPlotGrain>(edible[1].Id).ReleaseAsync(households[1], season, system));
        await edibleGarden.OfferFreedPlotAsync(edible[1].Id, season, system);
    }

    private static string Site(params (double East, double North)[] corners)
    {
        var (e0, n0) = CoordinateTransformer.Transform(StorageCrs.Code, "EPSG:4544", CentreLon, CentreLat);
        var ring = corners.Append(corners[0])
            .Select(c => CoordinateTransformer.Transform("EPSG:4544", StorageCrs.Code, e0 + c.East, n0 + c.North))
            .Select(p => new Coordinate(p.X, p.Y)).ToArray();
        return WellKnownText.Write(StorageCrs.Factory.CreatePolygon(ring));
    }

    private static async Task Must(Task<CommandResult> command)
    {
        var result = await command;
        if (result.Rejection is { } r)
            throw new InvalidOperationException($"Ecological demo data refused: {r.Field}: {r.Reason}");
    }
}
