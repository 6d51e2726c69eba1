using Marten;
using NetTopologySuite.Geometries;
using Platform.Abstractions.Commands;
using Platform.Jurisdiction.Register;
using Platform.Jurisdiction.Units;
using Platform.Spatial;

namespace Platform.Jurisdiction.Demo;

/// <summary>
/// The demo jurisdiction of Xinglong Street (兴隆街道): three communities and ten villages from 2015;
/// on 2020-06-30 two villages become communities (村改居) and six are merged into their neighbours
/// (撤村并村), leaving five communities and two villages — from 13 units to 7, a reduction of 46.15%;
/// resident groups merged by household votes in 2021 (one vote fails); an area moved between units in
/// 2022; an area of 正兴街道 delegated to Xinglong Street (托管) from 2021-09-01.
/// Boundaries are illustrative (<see cref="XinglongGrid"/>), not survey data; names and document numbers likewise.
/// </summary>
public static class XinglongJurisdictionDemo
{
    public static async Task SeedAsync(IGrainFactory grains, IDocumentStore store, string streetName, CancellationToken ct = default)
    {
        await using (var query = store.QuerySession())
        {
            if (await query.Query<UnitHistory>().AnyAsync(ct))
                return;
        }
        var register = grains.GetGrain<IJurisdictionGrain>(streetName);
        var context = CommandContext.System("演示数据（示意）：兴隆街道行政区划沿革");
        var founding = new Decision("示例〔2015〕1号", new DateOnly(2015, 1, 1), "演示数据：街道设立时的行政区划（边界为示意）");

        var street = await Must(register.EstablishAsync(new EstablishUnit("XL", streetName, UnitLevel.Street, null, WellKnownText.Write(XinglongGrid.Street()), founding), context));
        async Task<Guid> Unit(string code, string name, UnitLevel level, Geometry g) =>
            await Must(register.EstablishAsync(new EstablishUnit(code, name, level, street, WellKnownText.Write(g), founding), context));

        var tianming = await Unit("XL-TM", "天明社区", UnitLevel.Community, XinglongGrid.Cell(0, 3));
        var xinqiao = await Unit("XL-XQ", "新桥村", UnitLevel.Village, XinglongGrid.Cell(1, 3));
        var longdengshan = await Unit("XL-LDS", "龙灯山村", UnitLevel.Village, XinglongGrid.Cell(2, 3));
        var baisha = await Unit("XL-BSH", "白沙村", UnitLevel.Village, XinglongGrid.Cell(3, 3));
        var liujiaba = await Unit("XL-LJB", "刘家坝村", UnitLevel.Village, XinglongGrid.Cell(0, 2));
        var xinglonghu = await Unit("XL-XLH", "兴隆湖社区", UnitLevel.Community, XinglongGrid.Union((1, 1), (2, 1), (1, 2), (2, 2)));
        var baoshui = await Unit("XL-BS", "保水社区", UnitLevel.Community, XinglongGrid.Cell(3, 2));
        var liaojiawan = await Unit("XL-LJW", "廖家湾村", UnitLevel.Village, XinglongGrid.Cell(0, 1));
        var wanan = await Unit("XL-WA", "万安村", UnitLevel.Village, XinglongGrid.Cell(3, 1));
        var luojiadian = await Unit("XL-LJDN", "罗家店村", UnitLevel.Village, XinglongGrid.Cell(0, 0));
        var lanjiadian = await Unit("XL-LJD-V", "蓝家店村", UnitLevel.Village, XinglongGrid.Cell(1, 0));
        var sangensong = await Unit("XL-SGS-V", "三根松村", UnitLevel.Village, XinglongGrid.Cell(2, 0));
        var shibandeng = await Unit("XL-SBD", "石板凳村", UnitLevel.Village, XinglongGrid.Cell(3, 0));

        async Task<Guid[]> Groups(Guid parent, string code, string name, int col, int row, int count)
        {
            var ids = new Guid[count];
            for (var i = 0; i < count; i++)
            {
                ids[i] = await Must(register.EstablishAsync(new EstablishUnit($"{code}-G{i + 1}", $"{name}{i + 1}组", UnitLevel.Group, parent,
                    WellKnownText.Write(XinglongGrid.GroupStrip(col, row, i, count)), founding), context));
            }
            return ids;
        }
        var liujiabaGroups = await Groups(liujiaba, "XL-LJB", "刘家坝村", 0, 2, 4);
        var longdengshanGroups = await Groups(longdengshan, "XL-LDS", "龙灯山村", 2, 3, 3);
        await Groups(lanjiadian, "XL-LJD", "蓝家店村", 1, 0, 3);
        await Groups(xinglonghu, "XL-XLH", "兴隆湖社区", 1, 2, 2);

        var reform = new DateOnly(2020, 6, 30);
        var conversion = new Decision("天府示例〔2020〕12号", reform, "村(社区)体制机制改革：村改居");
        await Must(register.ConvertVillageAsync(new ConvertVillage(lanjiadian, "蓝家店社区", "XL-LJD", conversion), context));
        await Must(register.ConvertVillageAsync(new ConvertVillage(sangensong, "三根松社区", "XL-SGS", conversion), context));
        var merger = new Decision("天府示例〔2020〕13号", reform, "村(社区)体制机制改革：撤村并村");
        await Must(register.MergeAsync(new MergeUnits([liaojiawan, luojiadian], lanjiadian, null, merger), context));
        await Must(register.MergeAsync(new MergeUnits([shibandeng, wanan], sangensong, null, merger), context));
        await Must(register.MergeAsync(new MergeUnits([baisha], baoshui, null, merger), context));
        await Must(register.MergeAsync(new MergeUnits([xinqiao], tianming, null, merger), context));

        var groupMerge = new Decision("兴隆示例〔2021〕5号", new DateOnly(2021, 3, 15), "村民小组优化调整");
        await Must(register.MergeGroupsAsync(new MergeGroups([liujiabaGroups[1]], liujiabaGroups[0],
            new HouseholdVote(EligibleHouseholds: 186, AdultVillagers: 512, Present: 142, AdultsPresent: 142, HouseholdsRepresented: 142, VotesFor: 131, VotesAgainst: 8), groupMerge), context));
        // Not quorate: 97 of 174 households (less than two thirds) and 97 of 468 adults. On record, no merge.
        await register.MergeGroupsAsync(new MergeGroups([liujiabaGroups[3]], liujiabaGroups[2],
            new HouseholdVote(EligibleHouseholds: 174, AdultVillagers: 468, Present: 97, AdultsPresent: 97, HouseholdsRepresented: 97, VotesFor: 90, VotesAgainst: 5), groupMerge), context);
        await Must(register.MergeGroupsAsync(new MergeGroups([longdengshanGroups[2]], longdengshanGroups[1],
            new HouseholdVote(EligibleHouseholds: 131, AdultVillagers: 377, Present: 96, AdultsPresent: 96, HouseholdsRepresented: 96, VotesFor: 88, VotesAgainst: 6), groupMerge), context));

        await Must(register.GrantDelegationAsync(new GrantDelegation("正兴街道托管片区", "正兴街道",
            WellKnownText.Write(XinglongGrid.Box(104.11, 30.40, 104.125, 30.42)),
            new Decision("天府示例〔2021〕31号", new DateOnly(2021, 9, 1), "毗邻区域委托兴隆街道管理（托管）")), context));

        // A strip of 刘家坝村 along the lake shore goes to 兴隆湖社区 (范围调整).
        var strip = XinglongGrid.Box(104.0470, 30.4045, 104.0480, 30.4155);
        await Must(register.TransferAreaAsync(new TransferArea(liujiaba, xinglonghu, WellKnownText.Write(strip),
            new Decision("兴隆示例〔2022〕9号", new DateOnly(2022, 5, 1), "兴隆湖滨水区域统一管理")), context));
    }

    private static async Task<Guid> Must(Task<UnitCommandResult> command)
    {
        var result = await command;
        return result.Rejection is { } r
            ? throw new InvalidOperationException($"Demo jurisdiction data refused: {r.Field}: {r.Reason}")
            : result.UnitId;
    }
}
