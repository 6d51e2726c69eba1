using Marten;
using Platform.Abstractions.Commands;
using Platform.Abstractions.Registers;
using Platform.Campaigns.Campaigns;
using Platform.Campaigns.Households;
using Platform.Campaigns.Passes;

namespace Platform.Campaigns.Demo;

/// <summary>
/// The 2026 door-to-door campaign of the Xinglong demo, as the work summary tells it: five apartments of 兴隆湖社区 and the
/// five groups of the former 廖皇寺村 visited household by household, every entrance with its 双色卡 poster. Names, phones
/// and ID numbers are made up (valid in form only). Skipped when the household registers already hold anything.
/// </summary>
public static class XinglongCampaignsDemo
{
    internal static readonly string[] Apartments = ["人才公寓", "北鑫苑", "华府锦城", "诺德壹号", "中交悦湖"];

    internal static readonly (string Name, int Households, double Lon, double Lat)[] Groups =
        [("一组", 262, 104.0385, 30.3690), ("二组", 248, 104.0415, 30.3690), ("三组", 236, 104.0385, 30.3715), ("四组", 251, 104.0415, 30.3715), ("五组", 243, 104.0430, 30.3700)];

    internal const string Village = "原廖皇寺村";

    public static async Task SeedAsync(IGrainFactory grains, IDocumentStore store, IRegisterReader registers, CancellationToken ct)
    {
        await using (var session = store.QuerySession())
            if (await session.Query<HouseholdRegister>().AnyAsync(ct))
                return;
        var context = CommandContext.System("兴隆街道演示数据：入户排查与双色卡");
        var today = DateOnly.FromDateTime(DateTime.Today);
        var compounds = await registers.CompoundsAsync(today, ct);

        await Must(grains.GetGrain<IPassSchemeGrain>(PassScheme.StreamId).NameAsync(new NamePassCategories([.. PassScheme.Default]), context), "双色卡");
        foreach (var c in compounds)
            for (var i = 0; i < c.Entrances.Count; i++)
                await Must(grains.GetGrain<IEntranceGrain>(EntranceIds.Of(c.Id, i)).IssueAsync(
                    new IssueEntrancePass(c.Id, c.Name, c.Kind, EntranceIds.NameOf(i), c.Entrances[i].Lon, c.Entrances[i].Lat), context), c.Name);

        var people = new FakePeople();
        var batches = new List<RegisterHouseholds>();
        foreach (var name in Apartments)
        {
            var c = compounds.Single(x => x.Name == name);
            var perBuilding = Math.Max(1, c.Households / Math.Max(1, c.Buildings));
            var households = Enumerable.Range(0, c.Households).Select(i =>
            {
                var building = i / perBuilding + 1;
                var inBuilding = i % perBuilding;
                var floor = inBuilding / 4 + 1;
                return people.Household($"{building}栋", $"{inBuilding % 4 / 2 + 1}单元", $"{floor}{inBuilding % 2 + 1:00}");
            }).ToArray();
            batches.Add(new RegisterHouseholds(HouseholdRegister.IdOfCompound(c.Id), "compound", c.Name, null, c.Id, c.CommunityCode, c.CommunityName, c.Lon, c.Lat, households));
        }
        foreach (var (group, count, lon, lat) in Groups)
            batches.Add(new RegisterHouseholds(HouseholdRegister.IdOfGroup(Village, group), "group", group, Village, null, null, null, lon, lat,
                [.. Enumerable.Range(1, count).Select(n => people.Household(null, null, $"{n}号"))]));
        // The groups lie where the former village was: their community is the one there today.
        var liaohuang = compounds.FirstOrDefault(c => c.Name == "廖皇新居");
        batches = [.. batches.Select(b => b.Kind == "group" ? b with { CommunityCode = liaohuang?.CommunityCode, CommunityName = liaohuang?.CommunityName } : b)];
        await Must(grains.GetGrain<IHouseholdBookGrain>(IHouseholdBookGrain.Key).RegisterAsync([.. batches], context), "住户");

        var campaignId = new Guid("6c1d2a70-5a55-4c0e-9a11-0000000a2026");
        var campaign = grains.GetGrain<ICampaignGrain>(campaignId);
        await Must(campaign.LaunchAsync(new LaunchCampaign("2026年春节后入户排查", "信息登记、体温测量和防疫宣传", new DateOnly(2026, 1, 27), new DateOnly(2026, 2, 15),
            [.. batches.Select(b => b.RegisterId)]), context), "排查任务");
        var talent = batches[0];
        await Must(campaign.AssignAsync(new AssignVisits("worker", [.. talent.Households.Select(h => h.Id)]), context), "分配");
        var start = new DateTimeOffset(2026, 1, 28, 9, 0, 0, TimeSpan.FromHours(8));
        foreach (var (b, n) in batches.Select((b, n) => (b, n)))
        {
            var visits = b.Households.Select((h, i) =>
            {
                var at = start.AddDays((i + n * 3) % 12).AddMinutes(i % 40 * 12);
                // One in twenty found nobody home, one in fifty refused; the rest were visited with everything registered.
                return i % 20 == 19 ? new RecordVisit(h.Id, VisitOutcomes.NobodyHome, false, null, false, at)
                    : i % 50 == 7 ? new RecordVisit(h.Id, VisitOutcomes.Refused, false, null, false, at)
                    : new RecordVisit(h.Id, VisitOutcomes.Visited, true, 36.2m + i % 8 / 10m, true, at);
            }).ToArray();
            await Must(campaign.RecordVisitsAsync(visits, context), b.Name);
        }
    }

    private static async Task Must(Task<CommandResult> call, string what)
    {
        var result = await call;
        if (result.Rejection is { } r)
            throw new InvalidOperationException($"Demo campaigns ({what}): {r.Reason}");
    }

    /// <summary>Made-up householders: names from common surnames and given names, phones and ID numbers valid in form.</summary>
    private sealed class FakePeople
    {
        private const string Surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾";
        private const string Given = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红";
        private int _n;

        public Household Household(string? building, string? unit, string room)
        {
            var n = _n++;
            var name = $"{Surnames[n % Surnames.Length]}{Given[n * 7 % Given.Length]}{(n % 3 == 0 ? "" : Given[n * 13 % Given.Length].ToString())}";
            var phone = $"13{n % 10}{(28000000 + n * 37) % 100000000:00000000}";
            var birth = new DateOnly(1950, 1, 1).AddDays(n * 97 % 20000);
            var body = $"510116{birth:yyyyMMdd}{n % 1000:000}";
            return new Household(Guid.NewGuid(), building, unit, room, name, phone, body + Check(body), 1 + n % 5);
        }

        private static char Check(string body)
        {
            int[] weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
            var sum = 0;
            for (var i = 0; i < 17; i++)
                sum += (body[i] - '0') * weights[i];
            return "10X98765432"[sum % 11];
        }
    }
}
