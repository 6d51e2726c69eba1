using Platform.Abstractions.Reports;

namespace Platform.Plugins.Service.Coverage;

/// <summary>The service scene's section of the reports: households within each life circle, per community.</summary>
internal sealed class CoverageReportSection(CoverageService coverage) : IReportSection
{
    public string Id => "service";
    public string TitleZh => "服务场景：社区生活圈公共服务覆盖";
    public string TitleEn => "Service scene: public-service coverage by life circle";
    public int Order => 610;

    public string Template => """
        ## {{ section.title }}

        按《城市居住区规划设计标准》（GB 50180-2018），以{{ section.method }}计算，{{ section.compounds }}个小区、{{ section.households }}户中：
        15分钟生活圈设施齐全的{{ section.satisfied15 }}户，10分钟生活圈{{ section.satisfied10 }}户，5分钟生活圈{{ section.satisfied5 }}户。

        | 社区 | 小区数 | 户数 | 15分钟 | 10分钟 | 5分钟 |
        | --- | --- | --- | --- | --- | --- |
        {{~ for c in section.communities ~}}
        | {{ c.community }} | {{ c.compounds }} | {{ c.households }} | {{ c.households_satisfied["15min"] }} | {{ c.households_satisfied["10min"] }} | {{ c.households_satisfied["5min"] }} |
        {{~ end ~}}
        """;

    public async Task<object> DataAsync(ReportPeriod period, CancellationToken ct = default)
    {
        var result = await coverage.ComputeAsync(period.To, ct);
        var compounds = result.Compounds;
        var communities = CoverageCalculator.ByCommunity(compounds);
        int Satisfied(int minutes) => compounds.Where(c => c.Levels.Single(l => l.Minutes == minutes).Satisfied).Sum(c => c.Households);
        return new
        {
            title = TitleZh,
            detour = result.Standard.DetourFactor,
            method = result.MethodZh,
            compounds = compounds.Count,
            households = compounds.Sum(c => c.Households),
            satisfied15 = Satisfied(15),
            satisfied10 = Satisfied(10),
            satisfied5 = Satisfied(5),
            communities,
        };
    }
}
