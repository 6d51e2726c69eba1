namespace Platform.Plugins.Vitality.Activities;

/// <summary>A series of brand activities (系列品牌活动) of the vitality scene.</summary>
public sealed record ActivitySeriesEntry(string Code, string NameZh, string NameEn);

/// <summary>The activity series the street runs in its communities (source document: 营造活力场景).</summary>
public static class ActivitySeries
{
    public static readonly IReadOnlyList<ActivitySeriesEntry> All =
    [
        new("civilization", "新时代文明实践", "New-era civilization practice"),
        new("universiade", "迎大运", "Welcoming the Universiade"),
        new("traditional_culture", "传统文化体验", "Traditional culture"),
        new("fun_games", "趣味运动会", "Fun games"),
        new("singing", "共唱音乐会", "Sing-along concert"),
        new("family_reading", "亲子共读", "Parent-child reading"),
        new("dance", "舞蹈艺术培训", "Dance training"),
    ];

    /// <summary>The series by code or Chinese name.</summary>
    public static ActivitySeriesEntry? Find(string? codeOrName) => All.FirstOrDefault(s => s.Code == codeOrName || s.NameZh == codeOrName);
}
