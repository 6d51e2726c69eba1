namespace Platform.Reports.Model;

/// <summary>A figure of the work summary whose data the platform does not hold yet, and the record that would fill it.</summary>
internal sealed record MissingFigure(string Key, string LabelZh, string FilledByZh);

/// <summary>
/// The figures of the seed that no register holds yet. Templates print them with <c>missing "key"</c>, which gives the
/// visible marker 【待补：label】; every marker in a report is listed in its appendix 缺失数据清单.
/// </summary>
internal static class MissingFigures
{
    public const string MarkerStart = "【待补：";
    public const string MarkerEnd = "】";

    public static readonly IReadOnlyList<MissingFigure> All =
    [
        new("apartments_visited", "入户排查公寓数", "入户排查台账：排查的公寓（小区）名单及排查日期"),
        new("apartment_households_visited", "公寓入户排查户数", "入户排查台账：逐户走访记录（户、日期、走访人）"),
        new("village_groups_visited", "排查村民小组数", "入户排查台账：排查的村民小组名单"),
        new("village_households_visited", "村民小组入户排查户数", "入户排查台账：逐户走访记录（户、日期、走访人）"),
        new("staff_seconded", "抽调隔离点位人员数", "人员抽调记录（人员、点位、起止日期）"),
        new("days_on_duty", "持续抗疫天数", "隔离点位值守记录（起止日期）"),
        new("daily_forms", "每日报送表数", "报表报送记录（报表、接收单位、周期）"),
        new("cycle_forms", "每个隔离周期报送表数", "报表报送记录（报表、接收单位、周期）"),
        new("cycle_days", "隔离周期天数", "隔离点位管理规定"),
        new("scenic_grade", "景区等级（A级）", "规划组团记录的景区创建等级（规划方案批复的目标，PATCH /api/planning-zones/{id} 的 scenicGrade）"),
        new("salon_enterprises", "主题沙龙出席企业数", "活动登记（活动、出席单位名单）"),
        new("salon_organisations", "主题沙龙出席社会组织数", "活动登记（活动、出席单位名单）"),
        new("situation_reports", "发布的社区(村)分报告数", "社区情况报告发布记录（报告、社区、日期）"),
        new("fund_trainings", "社区保障（激励）资金业务培训次数", "培训记录（日期、主题、签到）"),
        new("fund_training_attendance", "资金业务培训人次", "培训签到记录"),
        new("fund_projects_published", "发布的社区保障资金项目数", "社区保障资金项目库（项目、阶段、金额）"),
        new("fund_total_wan", "发布项目资金总额（万元）", "社区保障资金项目库（项目、阶段、金额）"),
        new("fund_applications", "联合申报项目数", "激励资金申报记录"),
        new("fund_approved", "获批激励资金创新项目数", "激励资金评审结果"),
        new("fund_started", "已启动实施的创新项目数", "项目实施阶段记录"),
        new("supervision_team", "项目督导小组人数", "督导小组组成名单"),
        new("supervised_projects", "督导检查项目数", "督导检查记录（项目、阶段、资料清单）"),
        new("demonstration_sites", "示范点位数", "示范点位与参观动线登记"),
        new("complaints_received", "小区投诉件次", "投诉登记（小区、问题类型、受理与回复日期）"),
        new("complaint_compounds", "涉及投诉的小区数", "投诉登记（小区、问题类型、受理与回复日期）"),
        new("complaint_response_rate", "投诉处置回复率", "投诉登记中的处置回复记录"),
        new("property_trainings", "物业服务培训次数", "物业培训记录（日期、主题、小区）"),
        new("property_training_attendance", "物业服务培训人次", "物业培训签到记录"),
        new("inspections", "日常管理检查次数", "检查记录（小区、日期、检查项）"),
        new("inspection_findings", "检查发现问题数", "检查记录中的问题及整改期限"),
        new("rental_filings", "房屋租赁登记备案件次", "备案业务台账（类型、小区、日期）"),
        new("property_contract_filings", "前期物业合同备案件次", "备案业务台账（类型、小区、日期）"),
        new("handover_filings", "物业承接查验备案件次", "备案业务台账（类型、小区、日期）"),
        new("facility_delivery_filings", "附属设施设备交付使用备案件次", "备案业务台账（类型、小区、日期）"),
        new("self_organisations", "拟孵化培育自组织、兴趣团体数", "活力场景：自组织与兴趣团体登记"),
        new("garden_figures", "可食菜地及可视绿地面积", "生态场景插件（蓝家菜园、蓝家绿地的地块与认领记录）"),
    ];

    public static MissingFigure? Find(string key) => All.FirstOrDefault(m => m.Key == key);

    public static string Marker(string labelZh) => MarkerStart + labelZh + MarkerEnd;
}
