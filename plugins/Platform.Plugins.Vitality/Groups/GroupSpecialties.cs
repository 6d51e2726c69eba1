namespace Platform.Plugins.Vitality.Groups;

/// <summary>What a resident group does, with its names.</summary>
public sealed record GroupSpecialty(string Code, string NameZh, string NameEn);

/// <summary>The specialties of resident self-organisations (居民自组织) and interest groups.</summary>
public static class GroupSpecialties
{
    public static readonly IReadOnlyList<GroupSpecialty> All =
    [
        new("arts", "文艺", "Arts and performance"),
        new("sports", "体育健身", "Sports and fitness"),
        new("volunteering", "志愿服务", "Volunteering"),
        new("reading", "读书学习", "Reading and learning"),
        new("gardening", "园艺种植", "Gardening"),
        new("elderly", "为老服务", "Elderly care"),
        new("children", "亲子儿童", "Children and families"),
        new("neighbourhood", "邻里互助", "Neighbourly help"),
        new("other", "其他", "Other"),
    ];

    public static GroupSpecialty? Find(string? code) => All.FirstOrDefault(s => s.Code == code);
}
