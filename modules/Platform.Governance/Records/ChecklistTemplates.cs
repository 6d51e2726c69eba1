namespace Platform.Governance.Records;

/// <summary>
/// The inspection checklists: the four of the routine inspections of compounds (日常检查) and the business checklist of the
/// reopening inspections of shops, firms and building sites (复工复产检查).
/// </summary>
public static class ChecklistTemplates
{
    public sealed record Template(string Code, string NameZh, string NameEn, string Kind, IReadOnlyList<string> Items);

    public static readonly IReadOnlyList<Template> All =
    [
        new("safety", "安全生产", "Work safety", "routine", ["消防通道畅通", "灭火器在有效期内", "电动车不进楼入户", "配电房上锁"]),
        new("special_equipment", "特种设备", "Special equipment", "routine", ["电梯年检合格", "电梯应急电话畅通", "维保记录齐全"]),
        new("cctv", "监控系统", "Surveillance system", "routine", ["出入口监控正常", "录像保存30天", "监控室有人值守"]),
        new("sanitation", "环境卫生", "Sanitation", "routine", ["垃圾分类投放点整洁", "公共区域无堆放", "绿化养护到位"]),
        new("business", "复工复产", "Reopening of businesses", "reopening", ["防疫消杀", "口罩佩戴", "温度测量", "分流用餐"]),
    ];

    public static Template? Find(string code) => All.FirstOrDefault(t => t.Code == code);

    /// <summary>The kinds of business points inspected for reopening.</summary>
    public static readonly IReadOnlyDictionary<string, string> BusinessKindsZh = new Dictionary<string, string>
    {
        ["shop"] = "商铺", ["firm"] = "企业", ["site"] = "在建工地",
    };

    /// <summary>The filing kinds of section (五) 五.</summary>
    public static readonly IReadOnlyDictionary<string, string> FilingKindsZh = new Dictionary<string, string>
    {
        ["rental"] = "房屋租赁登记备案", ["property_contract"] = "前期物业合同备案", ["handover"] = "物业承接查验备案", ["facility_delivery"] = "新建住宅附属设施设备交付使用备案",
    };

    /// <summary>The topics of property-service training.</summary>
    public static readonly IReadOnlyList<string> TrainingTopics = ["服务礼仪", "管理标准", "工作规范", "秩序维护", "环境卫生"];
}
