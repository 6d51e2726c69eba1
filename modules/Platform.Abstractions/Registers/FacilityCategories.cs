namespace Platform.Abstractions.Registers;

/// <summary>
/// A category of facility. Public-service categories follow GB 50180-2018 (城市居住区规划设计标准)
/// Appendix B, with the life-circle level at which the standard requires them: 15, 10 or 5 (minutes),
/// or 0 for the residential block (居住街坊). Categories outside the standard's circles (commercial ones, enterprise services) carry level -1.
/// </summary>
public sealed record FacilityCategory(string Code, string NameZh, string NameEn, string Kind, int CircleLevel);

/// <summary>The facility categories the registers accept.</summary>
public static class FacilityCategories
{
    public const string Public = "public";
    public const string Commercial = "commercial";

    public static readonly IReadOnlyList<FacilityCategory> All =
    [
        new("middle_school", "初中", "Middle school", Public, 15),
        new("health_center", "社区卫生服务中心", "Community health centre", Public, 15),
        new("elderly_home", "养老院", "Elderly care home", Public, 15),
        new("culture_center", "文化活动中心", "Cultural activity centre", Public, 15),
        new("street_service_center", "街道服务中心", "Street service centre", Public, 15),
        new("large_sports_ground", "大型多功能运动场地", "Large multi-purpose sports ground", Public, 15),
        new("primary_school", "小学", "Primary school", Public, 10),
        new("market", "菜市场或生鲜超市", "Food market", Public, 10),
        new("medium_sports_ground", "中型多功能运动场地", "Medium multi-purpose sports ground", Public, 10),
        new("service_station", "社区服务站", "Community service station", Public, 5),
        new("party_mass_center", "党群服务中心", "Party-mass service centre", Public, 5),
        new("kindergarten", "幼儿园", "Kindergarten", Public, 5),
        new("nursery", "托儿所", "Nursery", Public, 5),
        new("elderly_day_care", "老年人日间照料中心", "Elderly day care", Public, 5),
        new("health_station", "社区卫生服务站", "Community health station", Public, 5),
        new("culture_station", "文化活动站", "Cultural activity station", Public, 5),
        new("outdoor_fitness", "室外综合健身场地", "Outdoor fitness ground", Public, 5),
        new("community_canteen", "社区食堂", "Community canteen", Public, 5),
        new("property_service", "物业管理与服务", "Property management office", Public, 0),
        new("express_lockers", "邮件和快件送达设施", "Parcel lockers", Public, 0),
        new("children_playground", "儿童活动场地", "Children's playground", Public, 0),
        new("enterprise_service", "企业服务站", "Enterprise service station", Public, -1),
        new("supermarket", "超市", "Supermarket", Commercial, -1),
        new("restaurant", "餐饮", "Restaurant", Commercial, -1),
        new("bank", "银行营业网点", "Bank branch", Commercial, -1),
        new("pharmacy", "药店", "Pharmacy", Commercial, -1),
        new("shopping_mall", "商场", "Shopping mall", Commercial, -1),
        new("coworking", "共享办公", "Co-working space", Commercial, -1),
        new("gym", "健身房", "Gym", Commercial, -1),
    ];

    public static FacilityCategory? Find(string? code) => All.FirstOrDefault(c => c.Code == code);
}
